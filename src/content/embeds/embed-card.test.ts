/**
 * The embed card as stored HTML: complete without JavaScript, escaped by construction, in both
 * languages, and requesting nothing from any other origin; what feeds and plain text make of it;
 * and the validator's refusals of embed nodes that would leak readers or name no network.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { doc, p } from '../body-builders.js';
import type { BodyNodeJson } from '../body-schema.js';
import { bodyToText } from '../body-text.js';
import { renderBodyHtml } from '../render-body-html.js';
import { validateBody } from '../validate-body.js';
import { embedFrameOrigins, withoutEmbedControls } from './embed-card.js';

const embed = (attrs: Record<string, unknown>): BodyNodeJson => ({
  type: 'embed',
  attrs: {
    url: 'https://x.com/mareas_pc/status/1860000000000000001',
    network: 'x',
    authorName: 'Mareas de Puerto Claro',
    authorHandle: '@mareas_pc',
    publishedAt: '2026-11-20',
    text: 'High tide at 6:42 this evening. Ferry ramp closed until 8.',
    thumbnail: null,
    ...attrs,
  },
});

const render = (node: BodyNodeJson, locale: 'en' | 'es' = 'en') => {
  const checked = validateBody(doc(node));
  if (!checked.ok) throw new Error(`${checked.path}: ${checked.message}`);
  return renderBodyHtml(checked.doc, locale);
};

const textOf = (node: Parameters<typeof DomUtils.textContent>[0] | null): string =>
  node ? DomUtils.textContent(node) : '(missing)';

/** Every attribute that makes a browser fetch something, and its value. */
function requestingAttributes(html: string): string[] {
  const dom = parseDocument(html);
  const values: string[] = [];
  for (const element of DomUtils.findAll(() => true, dom.children)) {
    for (const name of ['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction']) {
      const value = element.attribs[name];
      if (value !== undefined) values.push(value);
    }
    if (element.name === 'link' || element.name === 'script' || element.name === 'iframe')
      values.push(`<${element.name}>`);
  }
  return values;
}

describe('renderEmbedCard', () => {
  it('shows the quote, who, when, the network and a link to the original', () => {
    const html = render(embed({}));
    const dom = parseDocument(html);
    const quote = DomUtils.findOne((e) => e.name === 'blockquote', dom.children);
    expect(quote?.attribs['cite']).toBe('https://x.com/mareas_pc/status/1860000000000000001');
    expect(textOf(quote)).toBe('High tide at 6:42 this evening. Ferry ramp closed until 8.');
    const caption = DomUtils.findOne((e) => e.name === 'figcaption', dom.children);
    expect(textOf(caption)).toBe(
      'Post by Mareas de Puerto Claro (@mareas_pc) on X, November 20, 2026. View on X',
    );
    const time = DomUtils.findOne((e) => e.name === 'time', dom.children);
    expect(time?.attribs['datetime']).toBe('2026-11-20');
    const link = DomUtils.findOne((e) => e.name === 'a', dom.children);
    expect(link?.attribs['href']).toBe('https://x.com/mareas_pc/status/1860000000000000001');
    // The controls are there for the loader, hidden until it runs: without JS the card is whole.
    const actions = DomUtils.findOne((e) => e.attribs['class'] === 'embed-actions', dom.children);
    expect(actions?.attribs['hidden']).toBe('');
    expect(textOf(actions)).toContain('Load content from X');
    expect(textOf(actions)).toContain('Always load content from X on this device');
    const card = DomUtils.findOne((e) => e.attribs['data-network'] === 'x', dom.children);
    expect(card?.attribs['data-embed-src']).toBe(
      'https://platform.twitter.com/embed/Tweet.html?id=1860000000000000001&dnt=true',
    );
    expect(card?.attribs['data-embed-title']).toBe('Post by Mareas de Puerto Claro on X');
  });

  it('speaks Spanish in a Spanish article, with the date in Spanish', () => {
    const html = render(embed({}), 'es');
    const dom = parseDocument(html);
    const caption = DomUtils.findOne((e) => e.name === 'figcaption', dom.children);
    expect(textOf(caption)).toBe(
      'Publicación de Mareas de Puerto Claro (@mareas_pc) en X, 20 de noviembre de 2026. Ver en X',
    );
    expect(html).toContain('Cargar contenido de X');
    expect(html).toContain('Cargar siempre contenido de X en este dispositivo');
    expect(html).toContain('data-embed-title="Publicación de Mareas de Puerto Claro en X"');
  });

  it('calls a video a video, with its title as the text', () => {
    const html = render(
      embed({
        url: 'https://www.youtube.com/watch?v=Zq3bW9xY7kQ',
        network: 'youtube',
        authorName: 'Puerto Claro Port Authority',
        authorHandle: null,
        text: 'Dredging the north channel, in two minutes',
      }),
      'en',
    );
    expect(html).toContain('Video by <span class="embed-author">Puerto Claro Port Authority');
    expect(html).toContain('class="embed embed-youtube embed-video"');
    expect(html).toContain('data-embed-src="https://www.youtube-nocookie.com/embed/Zq3bW9xY7kQ"');
    expect(html).toContain('Load content from YouTube');
  });

  it('escapes quotes, markup and scripts in every field', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = render(
      embed({
        authorName: `<b>Ana</b> "Ruiz" ${hostile}`,
        authorHandle: `@ana'${hostile}`,
        text: `She said "no" & left.\n\nThen: ${hostile}`,
        url: 'https://x.com/mareas_pc/status/1860000000000000001?q="><script>',
      }),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('&lt;b&gt;Ana&lt;/b&gt; &quot;Ruiz&quot;');
    expect(html).toContain('She said &quot;no&quot; &amp; left.');
    const dom = parseDocument(html);
    const paragraphs = DomUtils.findAll((e) => e.name === 'p', dom.children);
    expect(paragraphs.map((e) => DomUtils.textContent(e))).toEqual([
      'She said "no" & left.',
      `Then: ${hostile}`,
    ]);
    // The tracking-free canonical address is what the card links to, never the pasted one.
    expect(requestingAttributes(html)).toEqual([]);
  });

  it('requests nothing from another origin; a thumbnail is a site path, lazy and decorative', () => {
    const html = render(embed({ thumbnail: '/media/embeds/2026/11/thumb-480.jpg' }));
    expect(requestingAttributes(html)).toEqual(['/media/embeds/2026/11/thumb-480.jpg']);
    expect(html).toContain(
      '<img class="embed-thumbnail" src="/media/embeds/2026/11/thumb-480.jpg" alt="" loading="lazy" decoding="async">',
    );
    for (const locale of ['en', 'es'] as const)
      for (const network of [
        ['https://youtu.be/Zq3bW9xY7kQ', 'youtube'],
        ['https://vimeo.com/912345678', 'vimeo'],
        ['https://www.instagram.com/p/C9xYz12AbCd/', 'instagram'],
        ['https://www.facebook.com/LaMarea/posts/123', 'facebook'],
        ['https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kqmooj3ems2w', 'bluesky'],
        ['https://social.example/@mareas/1134567890', 'mastodon'],
        ['https://www.tiktok.com/@lamarea.pc/video/7400000000000000001', 'tiktok'],
      ] as const)
        expect(
          requestingAttributes(render(embed({ url: network[0], network: network[1] }), locale)),
        ).toEqual([]);
  });

  it('keeps only the link when no player can be built for the address', () => {
    const html = render(
      embed({
        url: 'https://bsky.app/profile/puertoclaro.example/post/3kqmooj3ems2w',
        network: 'bluesky',
      }),
    );
    expect(html).not.toContain('data-embed-src');
    expect(html).not.toContain('<button');
    expect(html).toContain(
      'href="https://bsky.app/profile/puertoclaro.example/post/3kqmooj3ems2w"',
    );
    expect(embedFrameOrigins(html)).toEqual([]);
    expect(html).toContain('<div class="embed embed-bluesky" data-network="bluesky"><figure>');
  });

  it('leaves out what it does not know', () => {
    const html = render(
      embed({ authorName: null, authorHandle: null, publishedAt: null, text: null }),
    );
    expect(html).toContain('<figcaption>Post on X. <a href=');
    expect(html).not.toContain('<blockquote');
    expect(html).not.toContain('<time');
  });
});

describe('embeds in feeds, pages and plain text', () => {
  const body = doc(
    p('Before.'),
    embed({}),
    embed({ url: 'https://youtu.be/Zq3bW9xY7kQ', network: 'youtube', text: 'A video' }),
    embed({ url: 'https://social.example/@mareas/1134567890', network: 'mastodon' }),
  );

  it('names the origins of the players the page may load, and only those', () => {
    const html = renderBodyHtml(body, 'en');
    expect(embedFrameOrigins(html)).toEqual([
      'https://platform.twitter.com',
      'https://social.example',
      'https://www.youtube-nocookie.com',
    ]);
    expect(embedFrameOrigins(renderBodyHtml(doc(p('No embeds.')), 'en'))).toEqual([]);
  });

  it('drops the buttons and the player addresses for feeds, keeping quote and link', () => {
    const html = withoutEmbedControls(renderBodyHtml(body, 'en'));
    expect(html).not.toMatch(/<button|<input|embed-actions|data-embed-/);
    expect(html).toContain(
      '<blockquote cite="https://x.com/mareas_pc/status/1860000000000000001">',
    );
    expect(html).toContain('View on YouTube</a>');
    expect(withoutEmbedControls('<p>Plain.</p>')).toBe('<p>Plain.</p>');
  });

  it('gives bodyToText the quote, who said it and the address', () => {
    expect(bodyToText(body)).toBe(
      [
        'Before.',
        '“High tide at 6:42 this evening. Ferry ramp closed until 8.”\n— Mareas de Puerto Claro @mareas_pc\nhttps://x.com/mareas_pc/status/1860000000000000001',
        '“A video”\n— Mareas de Puerto Claro @mareas_pc\nhttps://youtu.be/Zq3bW9xY7kQ',
        '“High tide at 6:42 this evening. Ferry ramp closed until 8.”\n— Mareas de Puerto Claro @mareas_pc\nhttps://social.example/@mareas/1134567890',
      ].join('\n\n'),
    );
  });

  it("gives bodyToText a video's caption", () => {
    expect(
      bodyToText(
        doc({
          type: 'video',
          attrs: { mediaId: 3, caption: 'The ferry at dawn', credit: null, autoplay: false },
        }),
      ),
    ).toBe('The ferry at dawn');
  });
});

describe('validateBody refuses bad embed nodes', () => {
  it.each([
    [
      { thumbnail: 'https://pbs.twimg.example/media/a.jpg' },
      /thumbnail must be a path on this site/,
    ],
    [{ thumbnail: '//cdn.example/a.jpg' }, /thumbnail must be a path on this site/],
    [{ url: 'http://x.com/a/status/1' }, /url must be the https address/],
    [{ url: 'javascript:alert(1)' }, /url must be the https address/],
    [{ network: 'myspace' }, /network must be one of x, youtube/],
    [{ network: undefined }, /needs attribute "network"/],
    [{ publishedAt: 'last Tuesday' }, /publishedAt must be a date/],
    [{ text: 42 }, /attribute "text" must be text/],
  ] as [Record<string, unknown>, RegExp][])('%j', (attrs, message) => {
    const node = embed(attrs);
    if ('network' in attrs && attrs['network'] === undefined) delete node.attrs?.['network'];
    const result = validateBody(doc(node));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe('body.content[0] (embed)');
      expect(result.message).toMatch(message);
    }
  });
});
