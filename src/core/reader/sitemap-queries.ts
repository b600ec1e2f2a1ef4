/**
 * The reads behind the XML sitemaps: which months have published stories, the stories of one
 * month in keyset-paginated batches (so a 50,000-URL sitemap never sits in memory), the stories
 * of the last hours for the Google News sitemap, and the list pages (sections, tags, authors).
 *
 * Every query is a prepared read of published articles only, and each is written so that the
 * reader indexes serve it: `articles_listing` is (locale, status, published_at), so each query is
 * run once per locale with the locale as an equality, and the month is a range on published_at.
 * Batches are keyed on (published_at, id) rather than LIMIT/OFFSET: an offset re-reads every row
 * it skips, which made the last batches of a large month the slowest.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale, PolicyKind } from '../../db/schema.js';
import { LOCALES } from '../../db/schema.js';

/**
 * Rows fetched per round trip while streaming a sitemap. On SQLite a read runs synchronously,
 * so a batch holds the event loop while it is read and written (about 15 ms for 500 rows with
 * their joins); smaller batches keep other requests moving, larger ones save round trips on
 * PostgreSQL. The first batch is smaller still, so the first URLs follow the headers at once.
 */
export const SITEMAP_BATCH_SIZE = 500;
const FIRST_BATCH_SIZE = 100;

export interface SitemapPublication {
  name: string;
  defaultLocale: Locale;
}

const publicationRow = preparedQuery((db, _p: Record<string, never>) =>
  db.selectFrom('publications').select(['name', 'default_locale']).orderBy('id').limit(1),
);

/** The publication's name (Google News wants it) and its default locale (for x-default). */
export async function loadSitemapPublication(
  db: Kysely<Database>,
): Promise<SitemapPublication | null> {
  const row = (await publicationRow(db, {}))[0];
  return row ? { name: row.name, defaultLocale: row.default_locale } : null;
}

/** A calendar month in UTC, as in sitemap names: `2026-03`. */
export type MonthKey = `${number}-${number}`;

/** The half-open UTC range [start, end) of a month, as ISO-8601 strings. */
export function monthRange(month: string): { start: string; end: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, monthNumber - 1, 1));
  const end = new Date(Date.UTC(year, monthNumber, 1));
  return { start: start.toISOString(), end: end.toISOString() };
}

/** `2026-03` for any ISO-8601 UTC timestamp in March 2026. */
export function monthOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 7);
}

const firstPublishedFrom = preparedQuery((db, p: { locale: Locale; from: string }) =>
  db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('first'))
    .where('locale', '=', p.locale)
    .where('status', '=', 'published')
    .where('published_at', '>=', p.from),
);

const monthStatsIn = preparedQuery((db, p: { locale: Locale; start: string; end: string }) =>
  db
    .selectFrom('articles')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.max('updated_at').as('last_updated'),
    ])
    .where('locale', '=', p.locale)
    .where('status', '=', 'published')
    .where('published_at', '>=', p.start)
    .where('published_at', '<', p.end),
);

export interface MonthStats {
  /** Published stories in the month, every locale. */
  total: number;
  /** Per locale, in LOCALES order: the order a monthly sitemap lists them in. */
  byLocale: { locale: Locale; total: number }[];
  /** The newest updated_at among them; null when there are none. */
  lastUpdated: string | null;
}

/** How many stories a month holds and when the newest change to them was made. */
export async function loadMonthStats(db: Kysely<Database>, month: string): Promise<MonthStats> {
  const { start, end } = monthRange(month);
  const byLocale: MonthStats['byLocale'] = [];
  let lastUpdated: string | null = null;
  for (const locale of LOCALES) {
    const row = (await monthStatsIn(db, { locale, start, end }))[0];
    const total = Number(row?.total ?? 0);
    byLocale.push({ locale, total });
    const updated = row?.last_updated ?? null;
    if (updated !== null && (lastUpdated === null || updated > lastUpdated)) lastUpdated = updated;
  }
  return { total: byLocale.reduce((sum, entry) => sum + entry.total, 0), byLocale, lastUpdated };
}

/**
 * Every month that has published stories, newest first, with its stats. Walks from one
 * non-empty month to the next (`min(published_at) >= end of month`), so gaps of years in an
 * archive cost nothing and each step is an index lookup.
 */
export async function loadSitemapMonths(
  db: Kysely<Database>,
): Promise<{ month: string; stats: MonthStats }[]> {
  const months = new Set<string>();
  for (const locale of LOCALES) {
    let from = '1970-01-01T00:00:00.000Z';
    for (;;) {
      const first = (await firstPublishedFrom(db, { locale, from }))[0]?.first ?? null;
      if (first === null) break;
      const month = monthOf(first);
      months.add(month);
      from = monthRange(month).end;
    }
  }
  const sorted = [...months].sort().reverse();
  const result: { month: string; stats: MonthStats }[] = [];
  for (const month of sorted) result.push({ month, stats: await loadMonthStats(db, month) });
  return result;
}

export interface SitemapArticleRow {
  id: number;
  locale: Locale;
  slug: string;
  section_slug: string;
  published_at: string;
  updated_at: string;
  media_path: string | null;
  media_variants: string | null;
  /**
   * The story's published version in the other language, if any. Galley has two locales, so a
   * story has at most one other version (articles_translation_group_locale is unique), and the
   * join never multiplies rows, which keyset pagination relies on.
   */
  other_locale: Locale | null;
  other_slug: string | null;
  other_section_slug: string | null;
}

/** Published articles in one locale with their section slug, lead image and other version. */
function sitemapArticles(db: Kysely<Database>) {
  return db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .leftJoin('articles as b', (join) =>
      join
        .onRef('b.translation_group', '=', 'a.translation_group')
        .onRef('b.locale', '!=', 'a.locale')
        .on('b.status', '=', 'published'),
    )
    .leftJoin('section_translations as sb', (join) =>
      join.onRef('sb.section_id', '=', 'b.section_id').onRef('sb.locale', '=', 'b.locale'),
    )
    .select([
      'a.id',
      'a.locale',
      'a.slug',
      'st.slug as section_slug',
      'a.published_at',
      'a.updated_at',
      'm.path as media_path',
      'm.variants as media_variants',
      'b.locale as other_locale',
      'b.slug as other_slug',
      'sb.slug as other_section_slug',
    ])
    .where('a.status', '=', 'published');
}

/**
 * One batch of a month in one locale: the rows after (afterAt, afterId), oldest first, at most
 * `size`. The size is a literal in the SQL (see list-articles.ts on bound LIMITs), so each size
 * is its own prepared query.
 */
const monthBatchOfSize = new Map<number, ReturnType<typeof prepareMonthBatch>>();
function prepareMonthBatch(size: number) {
  return preparedQuery((db, p: { locale: Locale; end: string; afterAt: string; afterId: number }) =>
    sitemapArticles(db)
      .where('a.locale', '=', p.locale)
      .where('a.published_at', '>=', p.afterAt)
      .where('a.published_at', '<', p.end)
      .where(({ eb, refTuple, tuple }) =>
        eb(refTuple('a.published_at', 'a.id'), '>', tuple(p.afterAt, p.afterId)),
      )
      .orderBy('a.published_at')
      .orderBy('a.id')
      .limit(sql.lit(size)),
  );
}
function monthBatch(size: number) {
  let query = monthBatchOfSize.get(size);
  if (!query) monthBatchOfSize.set(size, (query = prepareMonthBatch(size)));
  return query;
}

/** The key of the row just before `offset` in a month's order: where a later part resumes. */
const monthKeyAt = preparedQuery(
  (db, p: { locale: Locale; start: string; end: string; offset: number }) =>
    db
      .selectFrom('articles')
      .select(['published_at', 'id'])
      .where('locale', '=', p.locale)
      .where('status', '=', 'published')
      .where('published_at', '>=', p.start)
      .where('published_at', '<', p.end)
      .orderBy('published_at')
      .orderBy('id')
      .limit(1)
      .offset(p.offset),
);

/**
 * The stories of one month, `skip` of them left out and at most `take` given, in batches of
 * SITEMAP_BATCH_SIZE: locales in LOCALES order, each oldest first. Only one batch is held at a
 * time; the caller asks for the next when it has written the previous one.
 */
export async function* monthArticleBatches(
  db: Kysely<Database>,
  month: string,
  stats: MonthStats,
  window: { skip: number; take: number },
  /** Rows per query: the first, then every later one (tests make them tiny). */
  batchSizes: { first: number; rest: number } = {
    first: FIRST_BATCH_SIZE,
    rest: SITEMAP_BATCH_SIZE,
  },
): AsyncGenerator<SitemapArticleRow[]> {
  const { start, end } = monthRange(month);
  let skip = window.skip;
  let remaining = window.take;
  for (const { locale, total } of stats.byLocale) {
    if (remaining <= 0) return;
    if (skip >= total) {
      skip -= total;
      continue;
    }
    let afterAt = start;
    let afterId = 0;
    if (skip > 0) {
      const key = (await monthKeyAt(db, { locale, start, end, offset: skip - 1 }))[0];
      if (!key?.published_at) continue;
      afterAt = key.published_at;
      afterId = key.id;
      skip = 0;
    }
    let size = batchSizes.first;
    for (;;) {
      const rows = (await monthBatch(size)(db, {
        locale,
        end,
        afterAt,
        afterId,
      })) as SitemapArticleRow[];
      const batch = rows.length > remaining ? rows.slice(0, remaining) : rows;
      if (batch.length > 0) {
        remaining -= batch.length;
        yield batch;
      }
      const last = rows.at(-1);
      if (!last || rows.length < size || remaining <= 0) break;
      afterAt = last.published_at;
      afterId = last.id;
      size = batchSizes.rest;
    }
  }
}

export interface NewsSitemapRow {
  id: number;
  locale: Locale;
  slug: string;
  section_slug: string;
  headline: string;
  published_at: string;
}

const recentIn = preparedQuery((db, p: { locale: Locale; since: string }) =>
  db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select([
      'a.id',
      'a.locale',
      'a.slug',
      'st.slug as section_slug',
      'a.headline',
      'a.published_at',
    ])
    .where('a.locale', '=', p.locale)
    .where('a.status', '=', 'published')
    .where('a.published_at', '>=', p.since)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(sql.lit(NEWS_SITEMAP_LIMIT)),
);

/** Google News reads at most this many stories from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

/** Stories published since `since`, every locale, newest first, at most NEWS_SITEMAP_LIMIT. */
export async function loadRecentArticles(
  db: Kysely<Database>,
  since: Date,
): Promise<NewsSitemapRow[]> {
  const rows: NewsSitemapRow[] = [];
  for (const locale of LOCALES) {
    rows.push(
      ...((await recentIn(db, { locale, since: since.toISOString() })) as NewsSitemapRow[]),
    );
  }
  return rows
    .sort((a, b) =>
      a.published_at === b.published_at ? b.id - a.id : a.published_at < b.published_at ? 1 : -1,
    )
    .slice(0, NEWS_SITEMAP_LIMIT);
}

export interface ListPageRow {
  id: number;
  locale: Locale;
  slug: string;
}

const newestInLocale = preparedQuery((db, p: { locale: Locale }) =>
  db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('published_at').as('newest'))
    .where('locale', '=', p.locale)
    .where('status', '=', 'published'),
);

const sectionRows = preparedQuery((db, _p: Record<string, never>) =>
  db
    .selectFrom('section_translations as st')
    .innerJoin('sections as s', 's.id', 'st.section_id')
    .select((eb) => [
      'st.section_id as id',
      'st.locale',
      'st.slug',
      eb
        .selectFrom('articles as a')
        .select((inner) => inner.fn.max('a.published_at').as('newest'))
        .whereRef('a.section_id', '=', 'st.section_id')
        .whereRef('a.locale', '=', 'st.locale')
        .where('a.status', '=', 'published')
        .as('newest'),
    ])
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('st.locale'),
);

/** Tag pages in a language that has at least one published story with the tag. */
const tagRows = preparedQuery((db, _p: Record<string, never>) =>
  db
    .selectFrom('tag_translations as tt')
    .select(['tt.tag_id as id', 'tt.locale', 'tt.slug'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags as at')
          .innerJoin('articles as a', 'a.id', 'at.article_id')
          .select('a.id')
          .whereRef('at.tag_id', '=', 'tt.tag_id')
          .whereRef('a.locale', '=', 'tt.locale')
          .where('a.status', '=', 'published'),
      ),
    )
    .orderBy('tt.tag_id')
    .orderBy('tt.locale'),
);

/**
 * Authors with, per language, whether they have a published story in it (one EXISTS per
 * locale: each stops at the first story found through article_authors_author, where a DISTINCT
 * over the join read every published story).
 */
const authorRows = preparedQuery((db, _p: Record<string, never>) =>
  db
    .selectFrom('authors as au')
    .select(['au.id', 'au.slug'])
    .select(({ exists, selectFrom }) =>
      LOCALES.map((locale) =>
        exists(
          selectFrom('article_authors as aa')
            .innerJoin('articles as a', 'a.id', 'aa.article_id')
            .select('a.id')
            .whereRef('aa.author_id', '=', 'au.id')
            .where('a.locale', '=', sql.lit(locale))
            .where('a.status', '=', 'published'),
        ).as(`published_${locale}`),
      ),
    )
    .orderBy('au.id'),
);

export interface SitemapListPages {
  homes: { locale: Locale; newest: string | null }[];
  sections: (ListPageRow & { newest: string | null })[];
  tags: ListPageRow[];
  authors: ListPageRow[];
  /** The publication's policy pages (ethics, corrections policy...), in each locale written. */
  policies: { kind: PolicyKind; locale: Locale; updatedAt: string }[];
}

/** Every list page a reader can reach: home pages, sections, and tags and authors in use. */
export async function loadSitemapListPages(db: Kysely<Database>): Promise<SitemapListPages> {
  const homes: SitemapListPages['homes'] = [];
  for (const locale of LOCALES) {
    homes.push({ locale, newest: (await newestInLocale(db, { locale }))[0]?.newest ?? null });
  }
  return {
    homes,
    sections: (await sectionRows(db, {})).map((row) => ({
      id: row.id,
      locale: row.locale,
      slug: row.slug,
      newest: (row.newest as string | null | undefined) ?? null,
    })),
    tags: await tagRows(db, {}),
    authors: (await authorRows(db, {})).flatMap((row) => {
      const flags = row as unknown as Record<string, unknown>;
      // SQLite answers EXISTS with 1 or 0, PostgreSQL with true or false.
      return LOCALES.filter((locale) => Boolean(Number(flags[`published_${locale}`]))).map(
        (locale) => ({ id: row.id, locale, slug: row.slug }),
      );
    }),
    policies: (
      await db
        .selectFrom('policy_pages')
        .select(['kind', 'locale', 'updated_at'])
        .orderBy('kind')
        .orderBy('locale')
        .execute()
    ).map((row) => ({ kind: row.kind, locale: row.locale, updatedAt: row.updated_at })),
  };
}
