import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { p } from '../content/body-builders.js';
import { doc } from '../content/body-builders.js';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import { createArticle, publishArticle, unpublishArticle } from '../core/operations/index.js';
import { monthArticleBatches, loadMonthStats } from '../core/reader/sitemap-queries.js';
import { findBilingualStory } from '../test/demo-stories.js';
import { describeEachDialect } from '../test/each-dialect.js';
import { testdataPath } from '../test/testdata.js';
import { acceptsGzip, robotsTxt } from './sitemaps-app.js';
import { largestRendition, parseMonthlySitemapName, sitemapPaths } from './sitemaps.js';

const actor = systemActor('test');
const PUBLIC_URL = 'https://news.galley.test';
const HOUR_MS = 3600_000;

const scratch = mkdtempSync(join(tmpdir(), 'galley-sitemaps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let fileCounter = 0;

/**
 * xmllint against the sitemaps.org, Google and XHTML XSDs. `all-local.xsd` imports sitemap.xsd
 * for the sitemaps.org namespace, whose only root is `urlset`; the index (`sitemapindex`, same
 * namespace) is declared in siteindex.xsd, which a driver cannot import beside it, so the index
 * is checked against siteindex.xsd itself.
 */
async function xmllint(body: string, schema: 'all-local.xsd' | 'siteindex.xsd') {
  const file = join(scratch, `doc-${++fileCounter}.xml`);
  writeFileSync(file, body);
  const result = await promisify(execFile)('xmllint', [
    '--noout',
    '--schema',
    testdataPath(`sitemaps/${schema}`),
    file,
  ]).then(
    ({ stderr }) => ({ ok: true, stderr }),
    (error: { stderr?: string; message: string }) => ({
      ok: false,
      stderr: error.stderr ?? error.message,
    }),
  );
  return result;
}

async function expectValid(body: string, schema: 'all-local.xsd' | 'siteindex.xsd') {
  const result = await xmllint(body, schema);
  expect(result.stderr).toMatch(/ validates$/m);
  expect(result.ok).toBe(true);
}

interface UrlEntry {
  loc: string;
  lastmod: string | null;
  images: string[];
  alternates: Map<string, string>;
  news: { name: string; language: string; date: string; title: string } | null;
}

/** Reads our own sitemaps back (they are generated, so their shape is known). */
function parseUrls(body: string): UrlEntry[] {
  return [...body.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, inner = '']) => {
    const alternates = new Map<string, string>();
    for (const [, lang = '', href = ''] of inner.matchAll(
      /<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g,
    ))
      alternates.set(lang, href);
    const news =
      /<news:name>(.*?)<\/news:name><news:language>(.*?)<\/news:language><\/news:publication><news:publication_date>(.*?)<\/news:publication_date><news:title>(.*?)<\/news:title>/.exec(
        inner,
      );
    return {
      loc: /<loc>(.*?)<\/loc>/.exec(inner)?.[1] ?? '',
      lastmod: /<lastmod>(.*?)<\/lastmod>/.exec(inner)?.[1] ?? null,
      images: [...inner.matchAll(/<image:loc>(.*?)<\/image:loc>/g)].map((m) => m[1] ?? ''),
      alternates,
      news: news
        ? {
            name: news[1] ?? '',
            language: news[2] ?? '',
            date: news[3] ?? '',
            title: news[4] ?? '',
          }
        : null,
    };
  });
}

const sitemapLocs = (index: string) =>
  [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1] ?? '');

describe('sitemap helpers', () => {
  it('parses monthly sitemap names and refuses anything else', () => {
    expect(parseMonthlySitemapName('articles-2026-03.xml')).toEqual({ month: '2026-03', part: 1 });
    expect(parseMonthlySitemapName('articles-2026-03-2.xml')).toEqual({
      month: '2026-03',
      part: 2,
    });
    expect(parseMonthlySitemapName('articles-2026-13.xml')).toBeNull();
    expect(parseMonthlySitemapName('articles-2026-03-1.xml')).toBeNull();
    expect(parseMonthlySitemapName('articles-2026-03.xml.gz')).toBeNull();
    expect(sitemapPaths.month('2026-03', 1)).toBe('/sitemaps/articles-2026-03.xml');
    expect(sitemapPaths.month('2026-03', 3)).toBe('/sitemaps/articles-2026-03-3.xml');
  });

  it('picks the largest JPEG rendition, as the article page does', () => {
    const variants = JSON.stringify([
      { path: 'a-800.avif', width: 1600, height: 900, mime: 'image/avif' },
      { path: 'a-800.jpg', width: 800, height: 450, mime: 'image/jpeg' },
      { path: 'a-1200.jpg', width: 1200, height: 675, mime: 'image/jpeg' },
    ]);
    expect(largestRendition('a.jpg', variants)).toBe('a-1200.jpg');
    expect(largestRendition('a.jpg', '[]')).toBe('a.jpg');
  });

  it('reads Accept-Encoding for gzip, honouring q=0', () => {
    expect(acceptsGzip('br, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describeEachDialect('sitemaps and robots.txt', { demo: true }, (t) => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.galley.app.request(path, { headers });
  const text = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  let slugCounter = 0;
  /** A new English story, published `hoursAgo` hours ago. */
  async function publishStory(headline: string, hoursAgo: number) {
    const section = await t.galley.db
      .selectFrom('sections')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const author = await t.galley.db
      .selectFrom('authors')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id } = await runOperation(t.galley.core, createArticle, actor, {
      locale: 'en',
      headline,
      dek: 'A story written for the sitemap tests.',
      slug: `sitemap-test-${++slugCounter}-${hoursAgo}h`,
      sectionId: section.id,
      authorIds: [author.id],
      body: doc(p('The tide came in & went out.')),
    });
    const publishedAt = new Date(Date.now() - hoursAgo * HOUR_MS).toISOString();
    await runOperation(t.galley.core, publishArticle, actor, { id, publishedAt });
    const row = await t.galley.db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.slug', 'st.slug as section_slug', 'a.published_at'])
      .where('a.id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      id,
      url: `${PUBLIC_URL}/en/${row.section_slug}/${row.slug}`,
      publishedAt: row.published_at ?? '',
    };
  }

  /** Every monthly sitemap the index lists, fetched and parsed. */
  async function allArticleUrls(): Promise<UrlEntry[]> {
    const index = await text('/sitemap.xml');
    const monthly = sitemapLocs(index).filter((loc) => loc.includes('/sitemaps/articles-'));
    const entries: UrlEntry[] = [];
    for (const loc of monthly) entries.push(...parseUrls(await text(loc.slice(PUBLIC_URL.length))));
    return entries;
  }

  it('serves robots.txt: everything allowed but the newsroom and APIs, with both sitemaps', async () => {
    const response = await get('/robots.txt');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(
      [
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin/',
        'Disallow: /api/',
        '',
        `Sitemap: ${PUBLIC_URL}/sitemap.xml`,
        `Sitemap: ${PUBLIC_URL}/sitemaps/news.xml`,
        '',
      ].join('\n'),
    );
    expect(robotsTxt('https://x.test')).toContain('Sitemap: https://x.test/sitemaps/news.xml\n');
  });

  it('indexes the list pages, the news sitemap and one sitemap per month with stories', async () => {
    const response = await get('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('surrogate-key')).toContain('list:home:en');
    const index = await response.text();
    await expectValid(index, 'siteindex.xsd');

    const published = await t.galley.db
      .selectFrom('articles')
      .select(['published_at', 'updated_at'])
      .where('status', '=', 'published')
      .execute();
    const newestByMonth = new Map<string, string>();
    for (const row of published) {
      const month = new Date(row.published_at ?? '').toISOString().slice(0, 7);
      const known = newestByMonth.get(month);
      if (!known || row.updated_at > known) newestByMonth.set(month, row.updated_at);
    }
    const entries = [
      ...index.matchAll(/<sitemap><loc>(.*?)<\/loc>(?:<lastmod>(.*?)<\/lastmod>)?/g),
    ];
    const listed = new Map(entries.map((m) => [m[1] ?? '', m[2] ?? null]));
    expect(listed.has(`${PUBLIC_URL}/sitemaps/pages.xml`)).toBe(true);
    expect(listed.has(`${PUBLIC_URL}/sitemaps/news.xml`)).toBe(true);
    expect(newestByMonth.size).toBeGreaterThan(0);
    for (const [month, newest] of newestByMonth) {
      expect(listed.get(`${PUBLIC_URL}/sitemaps/articles-${month}.xml`), month).toBe(newest);
    }
    expect(listed.size).toBe(2 + newestByMonth.size);
  });

  it('lists each story in its month with its image and hreflang alternates both ways', async () => {
    const story = await findBilingualStory(t.galley);
    const row = await t.galley.db
      .selectFrom('articles')
      .select(['published_at', 'updated_at'])
      .where('id', '=', story.id)
      .executeTakeFirstOrThrow();
    const month = (row.published_at ?? '').slice(0, 7);
    const body = await text(`/sitemaps/articles-${month}.xml`);
    await expectValid(body, 'all-local.xsd');

    const urls = parseUrls(body);
    const english = urls.find((url) => url.loc === `${PUBLIC_URL}${story.path}`);
    expect(english).toBeDefined();
    expect(english?.lastmod).toBe(row.updated_at);
    expect(english?.images).toHaveLength(1);
    expect(english?.images[0]).toMatch(/^https:\/\/news\.galley\.test\/media\/.+\.(jpg|webp)$/);
    expect(Object.fromEntries(english?.alternates ?? [])).toEqual({
      en: `${PUBLIC_URL}${story.path}`,
      es: `${PUBLIC_URL}${story.otherPath}`,
      'x-default': `${PUBLIC_URL}${story.path}`,
    });

    // The walk: every alternate a story names lists the story back, in whichever month it is.
    const all = await allArticleUrls();
    const byLoc = new Map(all.map((url) => [url.loc, url]));
    expect(byLoc.size).toBe(all.length);
    let walked = 0;
    for (const url of all) {
      for (const [lang, href] of url.alternates) {
        if (lang === 'x-default') continue;
        const other = byLoc.get(href);
        expect(other, `${url.loc} -> ${href}`).toBeDefined();
        expect(new Map(other?.alternates)).toEqual(url.alternates);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(2);
  });

  it('lists home, section, tag, author and policy pages with their other-language versions', async () => {
    const body = await text('/sitemaps/pages.xml');
    await expectValid(body, 'all-local.xsd');
    const urls = parseUrls(body);
    const home = urls.find((url) => url.loc === `${PUBLIC_URL}/en/`);
    expect(Object.fromEntries(home?.alternates ?? [])).toEqual({
      en: `${PUBLIC_URL}/en/`,
      es: `${PUBLIC_URL}/es/`,
      'x-default': `${PUBLIC_URL}/en/`,
    });
    const story = await findBilingualStory(t.galley);
    const [englishSection, spanishSection] = story.sectionPaths;
    const section = urls.find((url) => url.loc === `${PUBLIC_URL}${englishSection}`);
    expect(section?.alternates.get('es')).toBe(`${PUBLIC_URL}${spanishSection}`);
    expect(urls.some((url) => url.loc.startsWith(`${PUBLIC_URL}/en/tag/`))).toBe(true);
    expect(urls.some((url) => url.loc.startsWith(`${PUBLIC_URL}/es/autor/`))).toBe(true);
    // The demo's policy pages, both languages pointing at each other.
    const ethics = urls.find((url) => url.loc === `${PUBLIC_URL}/en/policies/ethics`);
    expect(ethics?.alternates.get('es')).toBe(`${PUBLIC_URL}/es/politicas/etica`);
    const sectionCount = await t.galley.db
      .selectFrom('section_translations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const sectionUrls = urls.filter((url) =>
      /^https:\/\/news\.galley\.test\/(en|es)\/[a-z0-9-]+\/$/.test(url.loc),
    );
    expect(sectionUrls).toHaveLength(Number(sectionCount.n));
    for (const url of urls) {
      for (const [lang, href] of url.alternates) {
        if (lang === 'x-default') continue;
        const other = urls.find((candidate) => candidate.loc === href);
        expect(
          other?.alternates.get(url.loc.slice(PUBLIC_URL.length + 1, PUBLIC_URL.length + 3)),
        ).toBe(url.loc);
      }
    }
  });

  it('puts stories of the last 48 hours in the news sitemap, newest first', async () => {
    const old = await publishStory('Storm surge recedes from the old pier', 49);
    const fresh = await publishStory('Ferries run again <after> the storm & flood', 1);
    const body = await text('/sitemaps/news.xml');
    await expectValid(body, 'all-local.xsd');
    const urls = parseUrls(body);
    expect(urls.some((url) => url.loc === old.url)).toBe(false);
    const entry = urls.find((url) => url.loc === fresh.url);
    expect(entry?.news).toEqual({
      name: 'La Marea',
      language: 'en',
      date: fresh.publishedAt,
      title: 'Ferries run again &lt;after&gt; the storm &amp; flood',
    });
    const dates = urls.map((url) => url.news?.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const cutoff = new Date(Date.now() - 48 * HOUR_MS - 60_000).toISOString();
    for (const date of dates) expect(date > cutoff).toBe(true);
    expect(urls.length).toBeLessThanOrEqual(1000);

    // Both stories are still in their monthly sitemaps: those keep everything.
    const all = new Set((await allArticleUrls()).map((url) => url.loc));
    expect(all.has(old.url)).toBe(true);
    expect(all.has(fresh.url)).toBe(true);
  });

  it('drops an unpublished story from the monthly and news sitemaps at once', async () => {
    const story = await publishStory('Harbor lights switched on for the season', 2);
    const month = story.publishedAt.slice(0, 7);
    const path = `/sitemaps/articles-${month}.xml`;
    expect(await text(path)).toContain(story.url);
    expect(await text('/sitemaps/news.xml')).toContain(story.url);
    const indexBefore = await text('/sitemap.xml');

    await runOperation(t.galley.core, unpublishArticle, actor, { id: story.id });
    expect(await text(path)).not.toContain(story.url);
    expect(await text('/sitemaps/news.xml')).not.toContain(story.url);
    // The cached index was dropped and rebuilt: its lastmod for the month moved back.
    expect(await text('/sitemap.xml')).not.toBe(indexBefore);
  });

  it('streams monthly sitemaps gzipped on request, and answers 304 to a matching ETag', async () => {
    const story = await findBilingualStory(t.galley);
    const month = (
      await t.galley.db
        .selectFrom('articles')
        .select('published_at')
        .where('id', '=', story.id)
        .executeTakeFirstOrThrow()
    ).published_at?.slice(0, 7);
    const path = `/sitemaps/articles-${month}.xml`;
    const plain = await get(path);
    const etag = plain.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(plain.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const plainBody = await plain.text();

    const zipped = await get(path, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(plainBody);

    const revisit = await get(path, { 'if-none-match': etag });
    expect(revisit.status).toBe(304);
    expect(await revisit.text()).toBe('');

    expect((await get('/sitemaps/articles-1999-01.xml')).status).toBe(404);
    expect((await get(`/sitemaps/articles-${month}-2.xml`)).status).toBe(404);
    expect((await get('/sitemaps/whatever.xml')).status).toBe(404);
  });

  it('reads a month in windows that resume exactly where the previous part stopped', async () => {
    const story = await findBilingualStory(t.galley);
    const month =
      (
        await t.galley.db
          .selectFrom('articles')
          .select('published_at')
          .where('id', '=', story.id)
          .executeTakeFirstOrThrow()
      ).published_at?.slice(0, 7) ?? '';
    const stats = await loadMonthStats(t.galley.db, month);
    const read = async (skip: number, take: number) => {
      const ids: number[] = [];
      for await (const batch of monthArticleBatches(t.galley.db, month, stats, { skip, take }))
        ids.push(...batch.map((row) => row.id));
      return ids;
    };
    const everything = await read(0, stats.total + 10);
    expect(everything).toHaveLength(stats.total);
    expect(new Set(everything).size).toBe(stats.total);
    expect(stats.total).toBeGreaterThan(3);
    // Windows that cross from one locale into the other, as parts of a 50,000+ month would.
    const pieces = [...(await read(0, 3)), ...(await read(3, stats.total))];
    expect(pieces).toEqual(everything);
    // Tiny batches: every continuation goes through the (published_at, id) keyset.
    const batchSizes: number[] = [];
    const keyed: number[] = [];
    for await (const batch of monthArticleBatches(
      t.galley.db,
      month,
      stats,
      { skip: 0, take: stats.total },
      { first: 2, rest: 3 },
    )) {
      batchSizes.push(batch.length);
      keyed.push(...batch.map((row) => row.id));
    }
    expect(keyed).toEqual(everything);
    expect(batchSizes[0]).toBe(2);
    expect(batchSizes.length).toBeGreaterThan(2);
    const englishCount = stats.byLocale.find((entry) => entry.locale === 'en')?.total ?? 0;
    expect(await read(englishCount - 1, 2)).toEqual(
      everything.slice(englishCount - 1, englishCount + 1),
    );
  });
});
