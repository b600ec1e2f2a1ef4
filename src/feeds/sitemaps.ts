/**
 * The sitemaps as documents: the index, the list pages, the Google News sitemap (small, built
 * whole) and the monthly article sitemaps (large, streamed batch by batch from the database).
 *
 * Formats: sitemaps.org 0.9, Google's image 1.1 and news 0.9 extensions, and `xhtml:link`
 * hreflang alternates. Every URL is absolute, from the public URL. Values go through the `xml`
 * tag (feeds/xml.ts), which escapes them.
 */
import type { Kysely } from 'kysely';
import type {
  ListPageRow,
  MonthStats,
  NewsSitemapRow,
  SitemapArticleRow,
  SitemapListPages,
  SitemapPublication,
} from '../core/reader/sitemap-queries.js';
import { largestRendition as largestOf } from '../core/reader/renditions.js';
import type { StoredRendition } from '../core/reader/renditions.js';
import { monthArticleBatches } from '../core/reader/sitemap-queries.js';
import { sitePaths } from '../core/site-paths.js';
import type { Database, Locale } from '../db/schema.js';
import { LOCALES } from '../db/schema.js';
import { languageTag } from '../site/i18n/index.js';
import { xml, xmlDocument } from './xml.js';
import type { SafeXml } from './xml.js';

/** The sitemaps.org limit on URLs in one sitemap; a bigger month is split into parts. */
export const MAX_URLS_PER_SITEMAP = 50_000;

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

export const sitemapPaths = {
  pages: () => '/sitemaps/pages.xml',
  news: () => '/sitemaps/news.xml',
  /** `/sitemaps/articles-2026-03.xml`, then `-2`, `-3`... for months over 50,000 stories. */
  month: (month: string, part: number) =>
    `/sitemaps/articles-${month}${part === 1 ? '' : `-${part}`}.xml`,
} as const;

/** The month and part a monthly sitemap's file name names, or null if it names none. */
export function parseMonthlySitemapName(file: string): { month: string; part: number } | null {
  const match = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(file);
  if (!match) return null;
  return { month: `${match[1]}-${match[2]}`, part: match[3] === undefined ? 1 : Number(match[3]) };
}

export const partsOf = (stats: MonthStats): number => Math.ceil(stats.total / MAX_URLS_PER_SITEMAP);

/** One language version of a page, with its site path. */
export interface Version {
  locale: Locale;
  path: string;
}

/**
 * `xhtml:link` alternates for a page with several language versions: every version, itself
 * included (Google asks for the full set on each), then x-default at the publication's default
 * locale's version, or this page's when there is none. Nothing for a page in one language.
 */
function alternateLinks(
  publicUrl: string,
  self: Version,
  versions: Version[],
  defaultLocale: Locale,
): SafeXml | null {
  if (versions.length < 2) return null;
  const fallback = versions.find((version) => version.locale === defaultLocale) ?? self;
  return xml`${versions.map(
    (version) =>
      xml`<xhtml:link rel="alternate" hreflang="${languageTag[version.locale]}" href="${publicUrl}${version.path}"/>`,
  )}<xhtml:link rel="alternate" hreflang="x-default" href="${publicUrl}${fallback.path}"/>`;
}

/** The sitemap index: the list pages, the news sitemap, then each month (part), newest first. */
export function sitemapIndexXml(
  publicUrl: string,
  months: { month: string; stats: MonthStats }[],
): string {
  const entries: SafeXml[] = [
    xml`<sitemap><loc>${publicUrl}${sitemapPaths.pages()}</loc></sitemap>`,
    xml`<sitemap><loc>${publicUrl}${sitemapPaths.news()}</loc></sitemap>`,
  ];
  for (const { month, stats } of months) {
    for (let part = 1; part <= partsOf(stats); part++) {
      entries.push(
        xml`<sitemap><loc>${publicUrl}${sitemapPaths.month(month, part)}</loc>${stats.lastUpdated ? xml`<lastmod>${stats.lastUpdated}</lastmod>` : null}</sitemap>`,
      );
    }
  }
  return xmlDocument(xml`<sitemapindex xmlns="${NS.sitemap}">
${entries.map((entry) => xml`${entry}\n`)}</sitemapindex>`);
}

/** Groups a list page's rows by id: each group is one page in its languages. */
function byId<T extends ListPageRow>(rows: T[]): T[][] {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.id) ?? [];
    group.push(row);
    groups.set(row.id, group);
  }
  return [...groups.values()];
}

/** Home pages, sections, tags, authors and policy pages, each with its other-language version. */
export function pagesSitemapXml(
  publicUrl: string,
  pages: SitemapListPages,
  defaultLocale: Locale,
): string {
  const urls: SafeXml[] = [];
  const addGroup = (versions: (Version & { lastmod?: string | null })[]) => {
    for (const version of versions) {
      urls.push(
        xml`<url><loc>${publicUrl}${version.path}</loc>${version.lastmod ? xml`<lastmod>${version.lastmod}</lastmod>` : null}${alternateLinks(publicUrl, version, versions, defaultLocale)}</url>`,
      );
    }
  };
  addGroup(
    pages.homes.map((home) => ({
      locale: home.locale,
      path: sitePaths.home(home.locale),
      lastmod: home.newest,
    })),
  );
  for (const group of byId(pages.sections)) {
    addGroup(
      group.map((row) => ({
        locale: row.locale,
        path: sitePaths.section(row.locale, row.slug),
        lastmod: row.newest,
      })),
    );
  }
  for (const group of byId(pages.tags)) {
    addGroup(
      group.map((row) => ({ locale: row.locale, path: sitePaths.tag(row.locale, row.slug) })),
    );
  }
  for (const group of byId(pages.authors)) {
    addGroup(
      group.map((row) => ({ locale: row.locale, path: sitePaths.author(row.locale, row.slug) })),
    );
  }
  for (const kind of new Set(pages.policies.map((policy) => policy.kind))) {
    addGroup(
      pages.policies
        .filter((policy) => policy.kind === kind)
        .map((policy) => ({
          locale: policy.locale,
          path: sitePaths.policy(policy.locale, policy.kind),
          lastmod: policy.updatedAt,
        })),
    );
  }
  return xmlDocument(xml`<urlset xmlns="${NS.sitemap}" xmlns:xhtml="${NS.xhtml}">
${urls.map((url) => xml`${url}\n`)}</urlset>`);
}

/**
 * The Google News sitemap: one `news:news` per story, in the story's own language. An empty one
 * (nothing published in the window) is still served, so crawlers that fetch it from robots.txt
 * get a well-formed answer, but the sitemaps.org schema wants at least one `url`.
 */
export function newsSitemapXml(
  publicUrl: string,
  publication: SitemapPublication,
  rows: NewsSitemapRow[],
): string {
  const urls = rows.map(
    (row) =>
      xml`<url><loc>${publicUrl}${sitePaths.article(row.locale, row.section_slug, row.slug)}</loc><news:news><news:publication><news:name>${publication.name}</news:name><news:language>${languageTag[row.locale]}</news:language></news:publication><news:publication_date>${row.published_at}</news:publication_date><news:title>${row.headline}</news:title></news:news></url>\n`,
  );
  return xmlDocument(xml`<urlset xmlns="${NS.sitemap}" xmlns:news="${NS.news}">
${urls}</urlset>`);
}

/**
 * The largest rendition of a lead image, chosen as the article page chooses its `<img src>`
 * (site/templates/fragments.ts `responsiveImage`): the largest JPEG when there are JPEGs (every
 * crawler decodes them), else the largest of any format, else the stored image itself.
 */
export function largestRendition(path: string, variantsJson: string | null): string {
  const variants = JSON.parse(variantsJson ?? '[]') as StoredRendition[];
  return largestOf(variants)?.path ?? path;
}

/** The media route's absolute URL; storage keys may hold characters a URL must escape. */
const mediaUrl = (publicUrl: string, path: string) => `${publicUrl}/media/${encodeURI(path)}`;

/** One story's `<url>`: lastmod, its lead image, and its language versions both ways. */
export function articleUrlXml(
  publicUrl: string,
  row: SitemapArticleRow,
  defaultLocale: Locale,
): SafeXml {
  const self: Version = {
    locale: row.locale,
    path: sitePaths.article(row.locale, row.section_slug, row.slug),
  };
  const versions: Version[] = [self];
  if (row.other_locale !== null && row.other_slug !== null && row.other_section_slug !== null) {
    versions.push({
      locale: row.other_locale,
      path: sitePaths.article(row.other_locale, row.other_section_slug, row.other_slug),
    });
  }
  // Listed in LOCALES order on both versions, so the two sets read the same.
  versions.sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
  const image =
    row.media_path === null
      ? null
      : xml`<image:image><image:loc>${mediaUrl(publicUrl, largestRendition(row.media_path, row.media_variants))}</image:loc></image:image>`;
  return xml`<url><loc>${publicUrl}${self.path}</loc><lastmod>${row.updated_at}</lastmod>${image}${alternateLinks(publicUrl, self, versions, defaultLocale)}</url>\n`;
}

const MONTHLY_HEAD = xmlDocument(
  xml`<urlset xmlns="${NS.sitemap}" xmlns:image="${NS.image}" xmlns:xhtml="${NS.xhtml}">`,
).trimEnd();

/**
 * One part of a monthly sitemap as a byte stream. The opening tag goes out at once; then each
 * pull reads one batch from the database and writes its `<url>`s, so memory holds one batch
 * whatever the month's size, and a slow client slows the reads (the stream is pulled, not
 * pushed). Cancelling (the client went away) stops the reads.
 */
export function monthlySitemapStream(options: {
  db: Kysely<Database>;
  publicUrl: string;
  defaultLocale: Locale;
  month: string;
  part: number;
  stats: MonthStats;
  /** A read failed mid-stream: the status is long sent, so the client sees a cut document. */
  onError?: (error: Error) => void;
}): ReadableStream<Uint8Array> {
  const { publicUrl, defaultLocale } = options;
  const encoder = new TextEncoder();
  const batches = monthArticleBatches(options.db, options.month, options.stats, {
    skip: (options.part - 1) * MAX_URLS_PER_SITEMAP,
    take: MAX_URLS_PER_SITEMAP,
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`${MONTHLY_HEAD}\n`));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            controller.enqueue(encoder.encode('</urlset>\n'));
            controller.close();
            return;
          }
          let chunk = '';
          for (const row of next.value) chunk += articleUrlXml(publicUrl, row, defaultLocale).value;
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          options.onError?.(error as Error);
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    // One batch ahead at most: enough to keep the socket busy while the next is read.
    { highWaterMark: 1 },
  );
}
