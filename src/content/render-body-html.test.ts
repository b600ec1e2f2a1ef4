import { describe, expect, it } from 'vitest';
import { b, bullets, doc, h2, i, image, link, numbered, p, quote, rule } from './body-builders.js';
import { bodyToText, countWords, readingMinutes } from './body-text.js';
import { renderBodyHtml } from './render-body-html.js';

describe('renderBodyHtml', () => {
  it('renders every node and mark of the schema', () => {
    const body = doc(
      h2('Subheading'),
      p(
        'Plain, ',
        b('bold'),
        ', ',
        i('italic'),
        ' and ',
        link('linked', 'https://galley.example/x'),
      ),
      quote('We will rebuild.', 'Ana Ruiz, mayor'),
      bullets('one', 'two'),
      numbered('first'),
      rule(),
      image({
        src: '/media/a.webp',
        alt: 'A harbor',
        caption: 'The harbor',
        credit: 'Galley Wire',
        width: 800,
        height: 450,
      }),
    );
    expect(renderBodyHtml(body, 'en')).toBe(
      '<h2>Subheading</h2>' +
        '<p>Plain, <strong>bold</strong>, <em>italic</em> and <a href="https://galley.example/x">linked</a></p>' +
        '<figure class="quote"><blockquote><p>We will rebuild.</p></blockquote><figcaption>Ana Ruiz, mayor</figcaption></figure>' +
        '<ul><li><p>one</p></li><li><p>two</p></li></ul>' +
        '<ol><li><p>first</p></li></ol>' +
        '<hr>' +
        '<figure class="body-image"><img src="/media/a.webp" alt="A harbor" width="800" height="450" loading="lazy" decoding="async"><figcaption>The harbor <span class="credit">Galley Wire</span></figcaption></figure>',
    );
  });

  it('escapes text and attribute values', () => {
    const html = renderBodyHtml(
      doc(
        p('<script>alert("x")</script> & more'),
        p(link('x', '/a?b="c"&d=<e>')),
        quote('q', '<b>who</b>'),
      ),
      'en',
    );
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('href="/a?b=&quot;c&quot;&amp;d=&lt;e&gt;"');
    expect(html).toContain('<figcaption>&lt;b&gt;who&lt;/b&gt;</figcaption>');
    expect(html).not.toContain('<script');
  });
});

describe('body text and reading time', () => {
  it('turns a body into plain text with blocks apart', () => {
    expect(bodyToText(doc(h2('Title'), p('One ', b('two'), '.'), quote('Said.', 'Someone')))).toBe(
      'Title\n\nOne two.\n\nSaid.\n\nSomeone',
    );
  });

  it('counts words in both languages, accents and contractions included', () => {
    expect(countWords('La niña comió pan de agua, ¿verdad?')).toBe(7);
    expect(countWords("It's a well-known port — 17 ships.")).toBe(6);
  });

  it('uses each language’s reading speed and never says 0 minutes', () => {
    expect(readingMinutes(476, 'en')).toBe(2);
    expect(readingMinutes(476, 'es')).toBe(2);
    expect(readingMinutes(700, 'en')).toBe(3);
    expect(readingMinutes(760, 'es')).toBe(3);
    expect(readingMinutes(10, 'en')).toBe(1);
    expect(readingMinutes(0, 'es')).toBe(1);
  });
});
