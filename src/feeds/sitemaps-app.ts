/**
 * `/robots.txt`, `/sitemap.xml` and `/sitemaps/*` as a Hono app, mounted before the reader site
 * (whose `/:locale/:section/:slug` routes would not match these, but whose 404 handling would).
 *
 * Two kinds of response:
 * - small documents (robots.txt, the index, the list pages, Google News) are rendered whole and
 *   kept in the page cache with surrogate keys, like reader pages: any article change reports
 *   `list:home:<locale>`, which drops them;
 * - monthly article sitemaps (up to 50,000 URLs, tens of MB) are streamed from the database and
 *   never cached in memory. Their validator is a weak ETag over what decides their content (the
 *   month's counts per locale and newest updated_at), which two indexed queries give without
 *   reading the rows, so a crawler's revisit of an unchanged month costs no streaming at all.
 */
import { createHash } from 'node:crypto';
import { constants as zlibConstants, createGzip } from 'node:zlib';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { cacheKey } from '../core/change-set.js';
import {
  loadMonthStats,
  loadRecentArticles,
  loadSitemapListPages,
  loadSitemapMonths,
  loadSitemapPublication,
} from '../core/reader/sitemap-queries.js';
import type { MonthStats, SitemapPublication } from '../core/reader/sitemap-queries.js';
import { sitePaths } from '../core/site-paths.js';
import type { Database } from '../db/schema.js';
import { LOCALES } from '../db/schema.js';
import { renderedPage } from '../http/page-cache.js';
import type { PageCache, RenderedPage } from '../http/page-cache.js';
import { SECURITY_HEADERS, sendPage } from '../http/respond.js';
import type { Logger } from '../lib/log.js';
import {
  monthlySitemapStream,
  newsSitemapXml,
  pagesSitemapXml,
  parseMonthlySitemapName,
  partsOf,
  sitemapIndexXml,
  sitemapPaths,
} from './sitemaps.js';

export interface SitemapsAppOptions {
  db: Kysely<Database>;
  pageCache: PageCache;
  /** Absolute origin without a trailing slash, e.g. https://news.example. */
  publicUrl: string;
  logger?: Logger;
  /** For tests: the clock the Google News window is measured from. */
  now?: () => Date;
}

const XML_TYPE = 'application/xml; charset=utf-8';

/** Dropped by CDNs when an article or the layout changes (see `list:home:<locale>`). */
const SITEMAP_CACHE_CONTROL = 'public, max-age=300, s-maxage=86400';
/**
 * Streamed months carry surrogate keys too, but nothing is kept in process: a CDN keeps them an
 * hour at most, in case a change that moves their URLs (a section renamed) reports no key.
 */
const MONTHLY_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600';
/**
 * The 48-hour window moves without any write, so a story leaves the news sitemap with nothing to
 * purge it: keep copies briefly. The process's own copy is keyed by the minute for the same reason.
 */
const NEWS_CACHE_CONTROL = 'public, max-age=60, s-maxage=300';
const NEWS_WINDOW_MS = 48 * 3600_000;
const NEWS_BUCKET_MS = 60_000;
const ROBOTS_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400';

/** Any published article, in any language, can change any sitemap; so can the layout. */
const SITEMAP_KEYS = [cacheKey.layout, ...LOCALES.map((locale) => cacheKey.homeList(locale))];

/** Bumped when the monthly documents' markup changes, so old ETags stop matching. */
const MONTHLY_FORMAT_VERSION = 1;

export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin/',
    'Disallow: /api/',
    '',
    `Sitemap: ${publicUrl}${sitePaths.sitemapIndex()}`,
    `Sitemap: ${publicUrl}${sitemapPaths.news()}`,
    '',
  ].join('\n');
}

/** True when Accept-Encoding allows gzip (the one streaming compression Node has built in). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    return !refused && (name === 'gzip' || name === 'x-gzip' || name === '*');
  });
}

/**
 * Gzip that sends each chunk's output as soon as it is compressed (a sync flush per chunk, one
 * chunk being one batch of URLs). Without it, deflate holds a block until about 16,000 symbols
 * are queued; on URL lists, which repeat themselves, that was several MB of input, and the first
 * compressed byte left only after most of a 50,000-URL sitemap was read. A flush per batch of
 * several hundred URLs costs a few bytes each.
 */
export function gzipFlushingEachChunk(): TransformStream<Uint8Array, Uint8Array> {
  const gzip = createGzip({ level: 6 });
  let pending: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => pending.push(chunk));
  const handOver = (controller: TransformStreamDefaultController<Uint8Array>) => {
    for (const chunk of pending) controller.enqueue(chunk);
    pending = [];
  };
  const failed = new Promise<never>((_, reject) => gzip.once('error', reject));
  failed.catch(() => undefined);
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      gzip.write(chunk);
      const flushed = new Promise<void>((resolve) =>
        gzip.flush(zlibConstants.Z_SYNC_FLUSH, () => resolve()),
      );
      return Promise.race([flushed, failed]).then(() => handOver(controller));
    },
    flush(controller) {
      const ended = new Promise<void>((resolve) => gzip.once('end', () => resolve()));
      gzip.end();
      return Promise.race([ended, failed]).then(() => handOver(controller));
    },
  });
}

/** If-None-Match against a weak tag: weak comparison (RFC 9110), `*` matches anything. */
function matchesWeakTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = tag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

function monthlyEtag(
  publicUrl: string,
  publication: SitemapPublication,
  month: string,
  part: number,
  stats: MonthStats,
): string {
  const facts = JSON.stringify([
    MONTHLY_FORMAT_VERSION,
    publicUrl,
    publication.defaultLocale,
    month,
    part,
    stats.byLocale,
    stats.lastUpdated,
  ]);
  return `W/"${createHash('sha1').update(facts).digest('base64url')}"`;
}

export function createSitemapsApp(options: SitemapsAppOptions): Hono {
  const { db, pageCache, publicUrl } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono();

  const respond = (c: Context, page: RenderedPage, cacheUrl: string | null): Response =>
    sendPage(c, pageCache, page, cacheUrl);

  /** A small document: from the page cache if there, else rendered, stored and sent. */
  const cachedDocument =
    (
      cacheUrlOf: (c: Context) => string,
      render: () => Promise<RenderedPage | null>,
    ): ((c: Context) => Promise<Response>) =>
    async (c) => {
      const cacheUrl = cacheUrlOf(c);
      const cached = pageCache.get(cacheUrl);
      if (cached) return respond(c, cached, cacheUrl);
      const page = await render();
      if (!page) return noPublication();
      pageCache.set(cacheUrl, page);
      return respond(c, page, cacheUrl);
    };

  const xmlPage = (body: string, cacheControl: string): RenderedPage =>
    renderedPage({
      status: 200,
      contentType: XML_TYPE,
      body,
      surrogateKeys: SITEMAP_KEYS,
      cacheControl,
      contentLanguage: null,
    });

  app.get(
    sitePaths.robots(),
    cachedDocument(
      () => sitePaths.robots(),
      async () =>
        renderedPage({
          status: 200,
          contentType: 'text/plain; charset=utf-8',
          body: robotsTxt(publicUrl),
          surrogateKeys: [],
          cacheControl: ROBOTS_CACHE_CONTROL,
          contentLanguage: null,
        }),
    ),
  );

  app.get(
    sitePaths.sitemapIndex(),
    cachedDocument(
      () => sitePaths.sitemapIndex(),
      async () =>
        xmlPage(sitemapIndexXml(publicUrl, await loadSitemapMonths(db)), SITEMAP_CACHE_CONTROL),
    ),
  );

  app.get(
    sitemapPaths.pages(),
    cachedDocument(
      () => sitemapPaths.pages(),
      async () => {
        const publication = await loadSitemapPublication(db);
        if (!publication) return null;
        const pages = await loadSitemapListPages(db);
        return xmlPage(
          pagesSitemapXml(publicUrl, pages, publication.defaultLocale),
          SITEMAP_CACHE_CONTROL,
        );
      },
    ),
  );

  app.get(
    sitemapPaths.news(),
    cachedDocument(
      // Keyed by the minute: a copy never outlives the window it was cut from by more than that.
      // The node fast path looks pages up by plain path, so it never answers this one.
      () => `${sitemapPaths.news()}?window=${Math.floor(now().getTime() / NEWS_BUCKET_MS)}`,
      async () => {
        const publication = await loadSitemapPublication(db);
        if (!publication) return null;
        const since = new Date(now().getTime() - NEWS_WINDOW_MS);
        const rows = await loadRecentArticles(db, since);
        return xmlPage(newsSitemapXml(publicUrl, publication, rows), NEWS_CACHE_CONTROL);
      },
    ),
  );

  app.get('/sitemaps/:file', async (c) => {
    const name = parseMonthlySitemapName(c.req.param('file'));
    if (!name) return notFound();
    const publication = await loadSitemapPublication(db);
    if (!publication) return noPublication();
    const stats = await loadMonthStats(db, name.month);
    if (name.part > partsOf(stats)) return notFound();
    const etag = monthlyEtag(publicUrl, publication, name.month, name.part, stats);
    const gzip = acceptsGzip(c.req.header('accept-encoding'));
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-type': XML_TYPE,
      'cache-control': MONTHLY_CACHE_CONTROL,
      vary: 'Accept-Encoding',
      etag,
      'surrogate-key': SITEMAP_KEYS.join(' '),
      'cache-tag': SITEMAP_KEYS.join(','),
    };
    if (matchesWeakTag(c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
    if (gzip) headers['content-encoding'] = 'gzip';
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    const xml = monthlySitemapStream({
      db,
      publicUrl,
      defaultLocale: publication.defaultLocale,
      month: name.month,
      part: name.part,
      stats,
      onError: (error) =>
        options.logger?.error(`sitemap stream failed: ${error.message}`, { path: c.req.path }),
    });
    const body = gzip ? xml.pipeThrough(gzipFlushingEachChunk()) : xml;
    return new Response(body, { status: 200, headers });
  });

  return app;
}

function notFound(): Response {
  return new Response('Not Found\n', {
    status: 404,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'public, max-age=60, s-maxage=60',
    },
  });
}

/** Like the reader site: nothing to list until a publication exists. */
function noPublication(): Response {
  return new Response('This Galley has no publication yet.\n', {
    status: 503,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'retry-after': '60',
    },
  });
}
