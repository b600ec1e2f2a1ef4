import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.js';

describe('html', () => {
  it('escapes every interpolated string', () => {
    const evil = `"><img src=x onerror=alert(1)>'`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;</p>',
    );
  });

  it('nests templates without escaping twice, and joins arrays', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });

  it('renders null, undefined and false as nothing but keeps 0', () => {
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('leaves strings without special characters as they are', () => {
    expect(escapeHtml('plain text')).toBe('plain text');
    expect(escapeHtml('a < b')).toBe('a &lt; b');
    // The search must not keep state between calls (a global regex's `test` would).
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('<')).toBe('&lt;');
  });

  it('passes SafeHtml through', () => {
    expect(html`${new SafeHtml('<br>')}`.value).toBe('<br>');
  });
});
