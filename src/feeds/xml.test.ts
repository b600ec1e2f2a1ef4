import { describe, expect, it } from 'vitest';
import { escapeXml, xml, xmlDocument } from './xml.js';
import { xmlWellFormednessErrors } from './feed-validators.test-support.js';

describe('the xml tag', () => {
  it('escapes every interpolated string once, and nested templates not again', () => {
    const headline = `<script>alert("x")</script> Fish & 'chips' ]]>`;
    const inner = xml`<title>${headline}</title>`;
    expect(inner.value).toBe(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fish &amp; &apos;chips&apos; ]]&gt;</title>',
    );
    expect(xml`<item>${inner}${[inner, null, false, undefined]}${3}</item>`.value).toBe(
      `<item>${inner.value}${inner.value}3</item>`,
    );
  });

  it('drops characters XML 1.0 forbids, so one bad headline cannot break a feed', () => {
    expect(
      escapeXml('tab\tnewline\nnul\u0000bell\u0007 lone\uD800 pair\uD83C\uDF0A end\uFFFF'),
    ).toBe('tab\tnewline\nnulbell lone pair\uD83C\uDF0A end');
    const document = xmlDocument(xml`<root a="${'\u0001"<&'}">${'\u000B\uDC00text'}</root>`);
    expect(xmlWellFormednessErrors(document)).toEqual([]);
    // The control: the same text unescaped is what xmllint refuses.
    expect(xmlWellFormednessErrors('<root>\u0001</root>')).not.toEqual([]);
  });

  it('writes a declaration and a final newline', () => {
    expect(xmlDocument(xml`<a/>`)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a/>\n');
  });
});
