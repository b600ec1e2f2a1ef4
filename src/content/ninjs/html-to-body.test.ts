import { describe, expect, it } from 'vitest';
import { renderBodyHtml } from '../render-body-html.js';
import { validateBody } from '../validate-body.js';
import { fillImageSlots, htmlToBody, textToBody } from './html-to-body.js';
import type { BodyDoc } from '../body-schema.js';

const noImages = { findAssociation: () => null };

function convert(html: string, headline?: string): BodyDoc {
  const { doc } = htmlToBody(html, { ...noImages, ...(headline && { headline }) });
  const checked = validateBody(doc);
  if (!checked.ok) throw new Error(`${checked.path}: ${checked.message}`);
  return checked.doc;
}

describe('htmlToBody', () => {
  it('keeps paragraphs, headings (clamped to h2-h4), quotes, lists, marks and safe links', () => {
    const body = convert(
      `<h1>Tide tables</h1><p>The <b>port</b> opens at <em>six</em>,<br>says <a href="https://port.example/news" onclick="x()">the port</a>.</p>
       <h5>Small print</h5><blockquote><p>We are ready.</p><footer>Ana Ruiz</footer></blockquote>
       <ol start="3"><li>First</li><li>Second<ul><li>Inner</li></ul></li></ol><hr>`,
    );
    expect(renderBodyHtml(body, 'en')).toBe(
      '<h2>Tide tables</h2><p>The <strong>port</strong> opens at <em>six</em>,<br>says <a href="https://port.example/news">the port</a>.</p>' +
        '<h4>Small print</h4><figure class="quote"><blockquote><p>We are ready.</p></blockquote><figcaption>Ana Ruiz</figcaption></figure>' +
        '<ol start="3"><li><p>First</p></li><li><p>Second</p><ul><li><p>Inner</p></li></ul></li></ol><hr>',
    );
  });

  it('drops a first heading that repeats the headline, and unwraps page chrome', () => {
    const body = convert(
      '<html><head><title>T</title><style>p{}</style></head><body><article><h1>Ferry  returns!</h1><div class="x"><span>Lede</span> text.</div></article></body></html>',
      'Ferry returns',
    );
    expect(renderBodyHtml(body, 'en')).toBe('<p>Lede text.</p>');
  });

  it('imports hostile HTML clean: no scripts, handlers, javascript: URLs, styles or frames', () => {
    const hostile = `<p onmouseover="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">click</a>
      <a href=" JaVaScRiPt:alert(3)">again</a><a href="data:text/html,x">data</a><a href="/relative">rel</a></p>
      <iframe src="https://evil.example"></iframe><img src=x onerror="alert(4)">
      <svg><script>alert(5)</script></svg><style>body{display:none}</style>
      <div><div><div><b><i><u><font color=red>deep <a href="https://ok.example" style="x">ok</a></font></u></i></b></div></div></div>
      <object data="x.swf"></object><form action="https://evil.example"><input value="x"><button>Go</button></form>
      <p>&lt;script&gt;alert(6)&lt;/script&gt; stays text</p>`;
    const { doc, dropped } = htmlToBody(hostile, noImages);
    const checked = validateBody(doc);
    expect(checked.ok).toBe(true);
    const json = JSON.stringify(doc);
    const html = renderBodyHtml(doc, 'en');
    for (const bad of [
      'alert(1)',
      'alert(2)',
      'alert(3)',
      'alert(4)',
      'alert(5)',
      'javascript',
      'onmouseover',
      'onerror',
      'iframe',
      'data:',
      'steal',
      'evil.example',
      'display:none',
      'style',
    ])
      expect(json + html, bad).not.toContain(bad);
    expect(html).toContain('<a href="https://ok.example"><em><strong>ok</strong></em></a>');
    expect(html).toContain('&lt;script&gt;alert(6)&lt;/script&gt; stays text');
    expect(html).not.toContain('<script');
    expect(dropped.join('; ')).toMatch(/<script> element/);
    expect(dropped.join('; ')).toMatch(/unsafe or relative link/);
  });

  it('survives absurd nesting without overflowing', () => {
    const deep = `${'<div><ul><li>'.repeat(3000)}bottom${'</li></ul></div>'.repeat(3000)}<p>after</p>`;
    const { doc } = htmlToBody(deep, noImages);
    expect(validateBody(doc).ok).toBe(true);
    expect(renderBodyHtml(doc, 'en')).toContain('<p>after</p>');
  });

  it('turns an img that stands for an association into an image slot, and drops the others', () => {
    const { doc, images } = htmlToBody(
      '<p>Before</p><figure><img src="https://wire.example/a.jpg" alt="A crane" data-assoc-ref="a001"><figcaption>The crane</figcaption></figure><img src="https://tracker.example/p.gif">',
      { findAssociation: (image) => (image.references.includes('a001') ? 4 : null) },
    );
    expect(images).toEqual([{ association: 4, alt: 'A crane', caption: 'The crane' }]);
    const filled = fillImageSlots(doc, () => ({
      type: 'image',
      attrs: {
        src: '/media/x.jpg',
        alt: 'A crane',
        caption: 'The crane',
        credit: null,
        width: 10,
        height: 5,
      },
    }));
    expect(validateBody(filled).ok).toBe(true);
    expect(renderBodyHtml(filled, 'en')).toContain('<img src="/media/x.jpg" alt="A crane"');
    expect(renderBodyHtml(filled, 'en')).not.toContain('tracker');
    expect(
      renderBodyHtml(
        fillImageSlots(doc, () => null),
        'en',
      ),
    ).toBe('<p>Before</p>');
  });

  it('reads plain wire text as paragraphs', () => {
    expect(renderBodyHtml(textToBody('One line.\nTwo  line.\n\n'), 'en')).toBe(
      '<p>One line.</p><p>Two line.</p>',
    );
    expect(renderBodyHtml(textToBody('Para one\nstill one.\n\nPara two.'), 'en')).toBe(
      '<p>Para one still one.</p><p>Para two.</p>',
    );
  });
});
