/**
 * The feeds over HTTP, on both databases, checked by third parties: xmllint (with RFC 4287's and
 * RSS 2.0's rules as XPath, see feed-validators.test-support.ts) and ajv against the JSON Feed
 * 1.1 schema. Also what the site promises of every cached response: ETag / 304, HEAD,
 * invalidation by surrogate key.
 */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createArticle, publishArticle, updateArticle } from '../core/operations/index.js';
import { SiteChromeCache } from '../core/reader/site-chrome-cache.js';
import { FEED_FORMATS, FEED_MEDIA_TYPES, sitePaths } from '../core/site-paths.js';
import type { FeedFormat } from '../core/site-paths.js';
import { doc, link, p } from '../content/body-builders.js';
import { PageCache } from '../http/page-cache.js';
import { memoryLogger } from '../lib/log.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { createNodeServer, listen } from '../server/node-server.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { testdataPath } from '../test/testdata.js';
import {
  atomProblems,
  evaluateXPath,
  jsonFeedProblems,
  rssProblems,
} from './feed-validators.test-support.js';
import { createFeedsApp } from './feeds-app.js';

const actor = systemActor('test');
const ORIGIN = 'https://news.galley.test';
const JSON_FEED_SCHEMA = testdataPath('jsonfeed/schema-v1.1.json');

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: { name: string; url: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    summary?: string;
    content_html?: string;
    content_text?: string;
    image?: string;
    date_published: string;
    date_modified: string;
    authors?: { name: string; url: string }[];
    tags?: string[];
    language: string;
  }[];
}

/** Every problem the format's checker finds in a feed body. */
function problemsOf(format: FeedFormat, body: string): string[] {
  if (format === 'rss') return rssProblems(body);
  if (format === 'atom') return atomProblems(body);
  return jsonFeedProblems(JSON.parse(body), JSON_FEED_SCHEMA);
}

describe('GALLEY_FEED_CONTENT', () => {
  it('is full unless set to summary, and refuses anything else', () => {
    expect(loadConfig({}).feedContent ?? 'full').toBe('full');
    expect(loadConfig({ GALLEY_FEED_CONTENT: 'summary' }).feedContent).toBe('summary');
    expect(() => loadConfig({ GALLEY_FEED_CONTENT: 'excerpt' })).toThrow(ConfigError);
    expect(() => loadConfig({ GALLEY_FEED_CONTENT: 'excerpt' })).toThrow(/^GALLEY_FEED_CONTENT:/);
  });
});

describeEachDialect('feeds', { demo: true }, (t) => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.galley.app.request(path, { headers });
  const head = (path: string) => t.galley.app.request(path, { method: 'HEAD' });

  /** A list path of each kind in each edition: home, a section, a tag and an author. */
  async function listPaths(): Promise<string[]> {
    const story = await findBilingualStory(t.galley);
    const tags = await t.galley.db
      .selectFrom('tag_translations as tt')
      .innerJoin('article_tags as at', 'at.tag_id', 'tt.tag_id')
      .select(['tt.locale', 'tt.slug'])
      .where('at.article_id', 'in', [story.id, story.otherId])
      .orderBy('tt.tag_id')
      .execute();
    const author = await t.galley.db
      .selectFrom('authors as au')
      .innerJoin('article_authors as aa', 'aa.author_id', 'au.id')
      .select('au.slug')
      .where('aa.article_id', '=', story.id)
      .executeTakeFirstOrThrow();
    const tagPath = (locale: 'en' | 'es') => {
      const tag = tags.find((row) => row.locale === locale);
      if (!tag) throw new Error(`the demo story has no ${locale} tag`);
      return sitePaths.tag(locale, tag.slug);
    };
    return [
      sitePaths.home('en'),
      sitePaths.home('es'),
      ...story.sectionPaths,
      tagPath('en'),
      tagPath('es'),
      sitePaths.author('en', author.slug),
      sitePaths.author('es', author.slug),
    ];
  }

  it('serves every list feed in all three formats, each passing its checker', async () => {
    let checked = 0;
    for (const listPath of await listPaths()) {
      for (const format of FEED_FORMATS) {
        const path = sitePaths.feed(listPath, format);
        const response = await get(path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type')).toBe(
          `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
        );
        expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
        expect(response.headers.get('content-language')).toBe(listPath.slice(1, 3));
        const body = await response.text();
        expect(problemsOf(format, body), path).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(24);
  });

  it('describes the RSS channel and each item with dc:creator, category, media:content and the full body', async () => {
    const story = await findBilingualStory(t.galley);
    const body = await (await get(sitePaths.feed(story.sectionPaths[0], 'rss'))).text();
    const [title, link, language, selfHref, items, self] = evaluateXPath(body, [
      'string(/rss/channel/title)',
      'string(/rss/channel/link)',
      'string(/rss/channel/language)',
      'string(/rss/channel/atom:link[@rel="self"]/@href)',
      'count(/rss/channel/item)',
      `count(/rss/channel/item[link = "${ORIGIN}${story.path}"])`,
    ]);
    expect(title).toBe(`La Marea: ${story.sectionName}`);
    expect(link).toBe(`${ORIGIN}${story.sectionPaths[0]}`);
    expect(language).toBe('en');
    expect(selfHref).toBe(`${ORIGIN}${story.sectionPaths[0]}feed.xml`);
    expect(Number(items)).toBeGreaterThan(0);
    expect(self).toBe('1');

    const item = `/rss/channel/item[link = "${ORIGIN}${story.path}"]`;
    const [headline, creators, sectionCategory, mediaUrl, medium, width, type, alt = '', content] =
      evaluateXPath(body, [
        `string(${item}/title)`,
        `count(${item}/dc:creator)`,
        `count(${item}/category[. = "${story.sectionName}"])`,
        `string(${item}/media:content/@url)`,
        `string(${item}/media:content/@medium)`,
        `string(${item}/media:content/@width)`,
        `string(${item}/media:content/@type)`,
        `string(${item}/media:content/media:description)`,
        `string(${item}/content:encoded)`,
      ]);
    expect(headline).toBe(story.headline);
    expect(Number(creators)).toBeGreaterThan(0);
    expect(sectionCategory).toBe('1');
    // The largest JPEG rendition if there is one (uploads), else the largest (demo: WebP only).
    const lead = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('media as m', 'm.id', 'a.lead_media_id')
      .select('m.variants')
      .where('a.id', '=', story.id)
      .executeTakeFirstOrThrow();
    const renditions = JSON.parse(lead.variants) as {
      path: string;
      width: number;
      mime: string;
    }[];
    const jpegs = renditions.filter((variant) => variant.mime === 'image/jpeg');
    const expected = (jpegs.length > 0 ? jpegs : renditions).reduce((a, b) =>
      b.width > a.width ? b : a,
    );
    expect(mediaUrl).toBe(`${ORIGIN}/media/${expected.path}`);
    expect(width).toBe(String(expected.width));
    expect(type).toBe(expected.mime);
    expect(medium).toBe('image');
    expect(alt.length).toBeGreaterThan(0);
    // The body, whole: its subheading and quote are there, and no site path is left relative.
    expect(content).toMatch(/<h2>[^<]+<\/h2>/);
    expect(content).toContain('<blockquote>');
    expect(content).not.toMatch(/(href|src)="\/(?!\/)/);
  });

  it('gives Atom entries stable ids, authors, RFC 3339 dates and html content', async () => {
    const story = await findBilingualStory(t.galley);
    const body = await (await get(sitePaths.feed(sitePaths.home('en'), 'atom'))).text();
    const entry = `/atom:feed/atom:entry[atom:link[@rel="alternate"]/@href = "${ORIGIN}${story.path}"]`;
    const [id, published = '', updated = '', authors, contentType, summary, self, alternate] =
      evaluateXPath(body, [
        `string(${entry}/atom:id)`,
        `string(${entry}/atom:published)`,
        `string(${entry}/atom:updated)`,
        `count(${entry}/atom:author/atom:name)`,
        `string(${entry}/atom:content/@type)`,
        `string(${entry}/atom:summary)`,
        'string(/atom:feed/atom:link[@rel="self"]/@href)',
        'string(/atom:feed/atom:link[@rel="alternate"]/@href)',
      ]);
    expect(id).toMatch(
      new RegExp(`^tag:news\\.galley\\.test,\\d{4}-\\d\\d-\\d\\d:article:${story.id}$`),
    );
    expect(published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(updated >= published).toBe(true);
    expect(Number(authors)).toBeGreaterThan(0);
    expect(contentType).toBe('html');
    expect(summary).toBe(story.dek);
    expect(self).toBe(`${ORIGIN}/en/feed.atom`);
    expect(alternate).toBe(`${ORIGIN}/en/`);
  });

  it('speaks Spanish in the Spanish feeds', async () => {
    const story = await findBilingualStory(t.galley);
    const json = (await (
      await get(sitePaths.feed(sitePaths.home('es'), 'json'))
    ).json()) as JsonFeed;
    expect(json.language).toBe('es');
    expect(json.home_page_url).toBe(`${ORIGIN}/es/`);
    expect(json.feed_url).toBe(`${ORIGIN}/es/feed.json`);
    expect(json.items.some((item) => item.url === `${ORIGIN}${story.otherPath}`)).toBe(true);
    expect(json.items.every((item) => item.url.startsWith(`${ORIGIN}/es/`))).toBe(true);
    expect(json.items.every((item) => item.language === 'es')).toBe(true);
    const authorUrl = json.items.flatMap((item) => item.authors ?? [])[0]?.url ?? '';
    expect(authorUrl).toMatch(new RegExp(`^${ORIGIN}/es/autor/[a-z-]+$`));
    const authorFeed = sitePaths.feed(authorUrl.slice(ORIGIN.length), 'rss');
    const [title, description, language] = evaluateXPath(await (await get(authorFeed)).text(), [
      'string(/rss/channel/title)',
      'string(/rss/channel/description)',
      'string(/rss/channel/language)',
    ]);
    expect(title).toMatch(/^La Marea: Artículos de /);
    expect(description).toMatch(/^Lo último de .+ en La Marea$/);
    expect(language).toBe('es');
  });

  it('lists the newest 20 published stories of the list, in its language, newest first', async () => {
    const json = (await (await get('/en/feed.json')).json()) as JsonFeed;
    const published = await t.galley.db
      .selectFrom('articles')
      .select(({ fn }) => fn.countAll<number>().as('count'))
      .where('locale', '=', 'en')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    expect(json.items).toHaveLength(Math.min(20, Number(published.count)));
    const dates = json.items.map((item) => item.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(json.items.every((item) => item.url.startsWith(`${ORIGIN}/en/`))).toBe(true);
  });

  it('answers 404 for an unknown section, tag or author, in every format', async () => {
    for (const listPath of ['/en/no-such-section/', '/es/tema/no-existe', '/en/author/nobody']) {
      for (const format of FEED_FORMATS) {
        const response = await get(sitePaths.feed(listPath, format));
        expect(response.status, listPath).toBe(404);
      }
    }
  });

  it('answers conditional requests with 304, HEAD with headers only, and compresses', async () => {
    const path = '/en/feed.xml';
    const first = await get(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(path, { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const headOnly = await head(path);
    expect(headOnly.status).toBe(200);
    expect(headOnly.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(headOnly.headers.get('etag')).toBe(etag);
    expect(await headOnly.text()).toBe('');
    const brotli = await get(path, { 'accept-encoding': 'br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
  });

  it('is answered from the cache by the node fast path with the same bytes and ETag', async () => {
    const path = '/es/feed.atom';
    const inProcess = await get(path);
    const body = await inProcess.text();
    const server = createNodeServer(t.galley);
    try {
      const port = await listen(server, 0, '127.0.0.1');
      const overHttp = await fetch(`http://127.0.0.1:${port}${path}?utm_source=reader`, {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(overHttp.status).toBe(200);
      expect(overHttp.headers.get('etag')).toBe(inProcess.headers.get('etag'));
      expect(overHttp.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await overHttp.text()).toBe(body);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('carries the surrogate keys of its list, its stories and the layout, and drops out when a story changes', async () => {
    const story = await findBilingualStory(t.galley);
    const sectionFeed = sitePaths.feed(story.sectionPaths[0], 'atom');
    const response = await get(sectionFeed);
    const keys = (response.headers.get('surrogate-key') ?? '').split(' ');
    expect(keys).toContain('layout');
    expect(keys).toContain(`article:${story.id}`);
    expect(keys.some((key) => /^list:section:\d+$/.test(key))).toBe(true);
    expect(t.galley.pageCache.get(sectionFeed)).toBeDefined();

    await runOperation(t.galley.core, updateArticle, actor, {
      id: story.id,
      headline: 'A feed-refreshing headline',
    });
    expect(t.galley.pageCache.get(sectionFeed)).toBeUndefined();
    expect(await (await get(sectionFeed)).text()).toContain(
      '<title type="text">A feed-refreshing headline</title>',
    );
  });

  it('escapes a hostile headline and body in every format', async () => {
    const story = await findBilingualStory(t.galley);
    const source = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('article_authors as aa', 'aa.article_id', 'a.id')
      .select(['a.section_id', 'aa.author_id'])
      .where('a.id', '=', story.id)
      .executeTakeFirstOrThrow();
    const headline = `<script>alert("x")</script> Fish & chips ]]> 'quoted'`;
    const { id } = await runOperation(t.galley.core, createArticle, actor, {
      locale: 'en',
      headline,
      dek: 'A dek with <b>tags</b> & ampersands',
      slug: 'hostile-headline-probe',
      sectionId: source.section_id,
      authorIds: [source.author_id],
      body: doc(
        p('Closing a CDATA section: ]]> and <img src=x onerror=alert(1)>'),
        p(link('a site link', '/en/')),
      ),
    });
    await runOperation(t.galley.core, publishArticle, actor, { id });

    for (const format of FEED_FORMATS) {
      const body = await (await get(sitePaths.feed('/en/', format))).text();
      expect(problemsOf(format, body), format).toEqual([]);
      expect(body).not.toContain('<script');
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('<![CDATA[');
    }
    // Parsed back, the text is exactly what was written: escaped once, not twice.
    const rss = await (await get('/en/feed.xml')).text();
    const item = '/rss/channel/item[contains(link, "hostile-headline-probe")]';
    const [title, content] = evaluateXPath(rss, [
      `string(${item}/title)`,
      `string(${item}/content:encoded)`,
    ]);
    expect(title).toBe(headline);
    expect(content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(content).toContain(`<a href="${ORIGIN}/en/">a site link</a>`);
    const json = (await (await get('/en/feed.json')).json()) as JsonFeed;
    expect(json.items.find((entry) => entry.id.endsWith(`:article:${id}`))?.title).toBe(headline);
  });

  it('carries summaries only when so configured, still valid', async () => {
    const summaries = createFeedsApp({
      db: t.galley.db,
      pageCache: new PageCache(true),
      siteChrome: new SiteChromeCache(t.galley.db),
      publicUrl: ORIGIN,
      feedContent: 'summary',
      logger: memoryLogger(),
    });
    for (const format of FEED_FORMATS) {
      const response = await summaries.request(sitePaths.feed('/es/', format));
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(problemsOf(format, body), format).toEqual([]);
      expect(body).not.toMatch(/content:encoded|<content |content_html/);
    }
    const json = (await (await summaries.request('/en/feed.json')).json()) as JsonFeed;
    expect(json.items.every((item) => item.content_html === undefined)).toBe(true);
    expect(json.items.every((item) => item.content_text === (item.summary ?? item.title))).toBe(
      true,
    );
  });
});
