/**
 * Full-text search over articles, one interface on both databases (the engines are in
 * db/dialects/): every word of the query must match (stemmed, accents folded) in the headline,
 * dek, body, tags or author names; results are ordered by relevance (headline above dek above
 * body) times a boost for recency; filters by section, type, author and date; pages of ten; and
 * snippets with the matched words marked, escaped.
 *
 * Readers search published articles in their language, and are told how many match in the other
 * language. The newsroom searches every article that is not deleted, drafts included.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { BodyDoc } from '../../content/body-schema.js';
import { bodyToText } from '../../content/body-text.js';
import { dialectFeatures } from '../../db/dialect-features.js';
import type { RecencyBoost, SearchScope } from '../../db/dialect-features.js';
import type { ArticleStatus, ArticleType, Database, Locale } from '../../db/schema.js';
import { highlightSnippet, queryWords, searchTerm } from '../../lib/search-text.js';
import { sitePaths } from '../site-paths.js';

export const SEARCH_PAGE_SIZE = 10;
/** Deepest page served: past it readers should narrow the query (and the cost grows). */
export const MAX_SEARCH_PAGE = 50;
/**
 * The recency boost: a story published now counts twice its relevance, a week-old one 1.5
 * times, an old one about once. A boost, not a sort: a strong match in an old headline still
 * beats a passing mention in today's body.
 */
const RECENCY_HALF_LIFE_DAYS = 7.0;

const recencyBoost: RecencyBoost = {
  sql: (ageInDays) =>
    sql<number>`(1.0 + 1.0 / (1.0 + abs(${ageInDays}) / ${sql.lit(RECENCY_HALF_LIFE_DAYS)}))`,
  at: (ageInDays) => 1 + 1 / (1 + Math.abs(ageInDays) / RECENCY_HALF_LIFE_DAYS),
};

export interface SearchFilters {
  sectionId?: number | undefined;
  type?: ArticleType | undefined;
  authorId?: number | undefined;
  /** Inclusive dates, `YYYY-MM-DD` (UTC). */
  from?: string | undefined;
  to?: string | undefined;
}

export interface SearchRequest {
  query: string;
  locale: Locale;
  audience: 'readers' | 'staff';
  filters?: SearchFilters;
  /** 1-based. */
  page?: number;
  /** Count matches up to this many (default COUNT_LIMIT). */
  countLimit?: number;
  now?: Date;
}

export interface SearchHit {
  id: number;
  locale: Locale;
  status: ArticleStatus;
  type: ArticleType;
  headline: string;
  /** Escaped HTML, matched words in `<mark>`. */
  headlineHtml: string;
  /** Escaped HTML: the best passage of the dek or body, matched words in `<mark>`. */
  snippetHtml: string;
  section: { id: number; name: string; slug: string };
  /** Published time, or for unpublished articles the last change. */
  date: string;
  /** The public page; null for what readers cannot see yet. */
  path: string | null;
}

export interface SearchResults {
  /** The words searched for, after cutting and cleaning. */
  words: string[];
  /** Matches, counted up to COUNT_LIMIT; `totalIsCapped` says there are more. */
  total: number;
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  /** How many match in the other edition, so readers can be offered that search. */
  otherLanguage: { locale: Locale; total: number; totalIsCapped: boolean };
}

/**
 * Matches are counted up to what the pages can show (50 pages of ten). Counting every match of a
 * common word costs more than ranking the page, and "more than 500" says all a reader needs.
 */
export const COUNT_LIMIT = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;

const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');

function searchScope(request: SearchRequest, locale: Locale): SearchScope {
  const filters = request.filters ?? {};
  return {
    locale,
    publishedOnly: request.audience === 'readers',
    sectionId: filters.sectionId,
    type: filters.type,
    publishedFrom: filters.from && `${filters.from}T00:00:00.000Z`,
    publishedTo: filters.to && `${filters.to}T23:59:59.999Z`,
  };
}

function matchingArticles(
  db: Kysely<Database>,
  words: string[],
  request: SearchRequest,
  locale: Locale,
) {
  const filters = request.filters ?? {};
  let query = db.selectFrom(
    dialectFeatures(db).search.matches(words, searchScope(request, locale)).as('m'),
  );
  if (filters.authorId !== undefined) {
    const authorId = filters.authorId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'm.article_id')
          .where('aa.author_id', '=', authorId),
      ),
    );
  }
  return query;
}

async function countMatches(
  db: Kysely<Database>,
  words: string[],
  request: SearchRequest,
  locale: Locale,
): Promise<{ total: number; totalIsCapped: boolean }> {
  const limit = request.countLimit ?? COUNT_LIMIT;
  const matching = matchingArticles(db, words, request, locale).select('m.article_id');
  const counted = dialectFeatures(db).search.countsStopEarly
    ? matching.limit(sql.lit(limit + 1))
    : matching;
  const row = await db
    .selectFrom(counted.as('counted'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirst();
  const total = Number(row?.total ?? 0);
  return { total: Math.min(total, limit), totalIsCapped: total > limit };
}

export async function searchArticles(
  db: Kysely<Database>,
  request: SearchRequest,
): Promise<SearchResults> {
  const words = queryWords(request.query);
  const page = Math.min(Math.max(1, Math.trunc(request.page ?? 1)), MAX_SEARCH_PAGE);
  const other = otherLocale(request.locale);
  if (words.length === 0)
    return {
      words,
      total: 0,
      totalIsCapped: false,
      page,
      pageCount: 0,
      hits: [],
      otherLanguage: { locale: other, total: 0, totalIsCapped: false },
    };

  const { search } = dialectFeatures(db);
  const now = (request.now ?? new Date()).toISOString();
  const age = search.ageInDays('m.date', now);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Rank first, on ids alone: the wide columns are read only for the page's ten rows. An engine
  // that can rank the page without scoring every match does; else every match is scored here.
  const rankIds = async (): Promise<number[]> =>
    (await search.rankedPage?.(db, words, searchScope(request, request.locale), {
      now,
      boost: recencyBoost,
      authorId: request.filters?.authorId,
      limit: SEARCH_PAGE_SIZE,
      offset,
    })) ??
    (
      await matchingArticles(db, words, request, request.locale)
        .select(['m.article_id as id'])
        .orderBy(sql`m.relevance * ${recencyBoost.sql(age)}`, 'desc')
        .orderBy('m.article_id', 'desc')
        .limit(SEARCH_PAGE_SIZE)
        .offset(offset)
        .execute()
    ).map((row) => row.id);
  const [rankedIds, counted, otherCounted] = await Promise.all([
    rankIds(),
    countMatches(db, words, request, request.locale),
    request.audience === 'readers'
      ? countMatches(db, words, { ...request, filters: {} }, other)
      : Promise.resolve({ total: 0, totalIsCapped: false }),
  ]);
  const hits = await hitsFor(db, rankedIds, words);
  return {
    words,
    total: counted.total,
    totalIsCapped: counted.totalIsCapped,
    page,
    pageCount: Math.ceil(counted.total / SEARCH_PAGE_SIZE),
    hits,
    otherLanguage: { locale: other, ...otherCounted },
  };
}

async function hitsFor(db: Kysely<Database>, ids: number[], words: string[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select([
      'a.id',
      'a.locale',
      'a.status',
      'a.type',
      'a.headline',
      'a.dek',
      'a.slug',
      'a.section_id',
      'st.name as section_name',
      'st.slug as section_slug',
      'a.published_at',
      'a.updated_at',
      'a.body',
    ])
    .where('a.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const terms = new Set(words.map((word) => searchTerm(word, row.locale)));
    const headline = highlightSnippet(row.headline, terms, row.locale, Number.MAX_SAFE_INTEGER);
    const dek = highlightSnippet(row.dek, terms, row.locale);
    const snippet = dek.matched
      ? dek
      : highlightSnippet(bodyToText(JSON.parse(row.body) as BodyDoc), terms, row.locale);
    return [
      {
        id: row.id,
        locale: row.locale,
        status: row.status,
        type: row.type,
        headline: row.headline,
        headlineHtml: headline.html,
        snippetHtml: snippet.matched || !row.dek ? snippet.html : dek.html,
        section: { id: row.section_id, name: row.section_name, slug: row.section_slug },
        date: row.published_at ?? row.updated_at,
        path:
          row.status === 'published'
            ? sitePaths.article(row.locale, row.section_slug, row.slug)
            : null,
      },
    ];
  });
}

/**
 * Filters given by slug (as the APIs take them) as ids; null names the filter that matches
 * nothing, which callers answer with 400.
 */
export async function filtersFromSlugs(
  db: Kysely<Database>,
  locale: Locale,
  given: { section?: string | undefined; author?: string | undefined } & Omit<
    SearchFilters,
    'sectionId' | 'authorId'
  >,
): Promise<SearchFilters | { unknown: 'section' | 'author' }> {
  const filters: SearchFilters = { type: given.type, from: given.from, to: given.to };
  if (given.section) {
    const section = await db
      .selectFrom('section_translations')
      .select('section_id')
      .where('locale', '=', locale)
      .where('slug', '=', given.section)
      .executeTakeFirst();
    if (!section) return { unknown: 'section' };
    filters.sectionId = section.section_id;
  }
  if (given.author) {
    const author = await db
      .selectFrom('authors')
      .select('id')
      .where('slug', '=', given.author)
      .executeTakeFirst();
    if (!author) return { unknown: 'author' };
    filters.authorId = author.id;
  }
  return filters;
}
