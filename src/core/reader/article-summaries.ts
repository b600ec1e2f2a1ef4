/**
 * Article summaries: the shape every list on the reader site shows (home, sections, tags,
 * authors, recommendations). One query for the articles with section and lead image, one for
 * all their bylines.
 */
import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ArticleType, Database, Locale } from '../../db/schema.js';
import type { ArticleLink, ArticleSummary, BylineView, ImageView } from './reader-types.js';

export type SummaryRow = {
  id: number;
  locale: Locale;
  headline: string;
  dek: string;
  slug: string;
  type: ArticleType;
  section_id: number;
  section_name: string;
  section_slug: string;
  published_at: string | null;
  media_id: number | null;
  media_path: string | null;
  media_width: number | null;
  media_height: number | null;
  media_variants: string | null;
  media_crops: string | null;
  media_agency: string | null;
  media_alt: string | null;
  media_caption: string | null;
  media_credit: string | null;
};

type LinkRow = Pick<
  SummaryRow,
  | 'id'
  | 'locale'
  | 'headline'
  | 'slug'
  | 'type'
  | 'section_id'
  | 'section_name'
  | 'section_slug'
  | 'published_at'
>;

/**
 * Articles with their section, and only what a link to them shows (callers add the status they
 * want: readers see only published ones; the newsroom's preview reads any).
 */
function articleLinks(db: Kysely<Database>) {
  return db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select([
      'a.id',
      'a.locale',
      'a.headline',
      'a.slug',
      'a.type',
      'a.section_id',
      'st.name as section_name',
      'st.slug as section_slug',
      'a.published_at',
    ]);
}

function linkFromRow(row: LinkRow, bylines: Map<number, BylineView[]>): ArticleLink {
  return {
    id: row.id,
    locale: row.locale,
    headline: row.headline,
    slug: row.slug,
    type: row.type,
    section: { id: row.section_id, name: row.section_name, slug: row.section_slug },
    publishedAt: row.published_at ?? '',
    authors: bylines.get(row.id) ?? [],
  };
}

/** Published articles joined to their section and lead image, all in the article's own locale. */
export function publishedArticles(db: Kysely<Database>) {
  return articlesWithLeadImage(db).where('a.status', '=', 'published');
}

/** Articles in any status, joined like `publishedArticles`: for the newsroom's preview. */
export function articlesWithLeadImage(db: Kysely<Database>) {
  return articleLinks(db)
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .leftJoin('media_translations as mt', (join) =>
      join.onRef('mt.media_id', '=', 'm.id').onRef('mt.locale', '=', 'a.locale'),
    )
    .select([
      'a.dek',
      'm.id as media_id',
      'm.path as media_path',
      'm.width as media_width',
      'm.height as media_height',
      'm.variants as media_variants',
      'm.crops as media_crops',
      'm.source_agency as media_agency',
      'mt.alt as media_alt',
      'mt.caption as media_caption',
      'mt.credit as media_credit',
    ]);
}

export type PublishedArticlesQuery = ReturnType<typeof publishedArticles>;

export function imageFromRow(row: SummaryRow): ImageView | null {
  if (row.media_id === null || row.media_path === null) return null;
  return {
    id: row.media_id,
    path: row.media_path,
    width: row.media_width ?? 0,
    height: row.media_height ?? 0,
    variants: JSON.parse(row.media_variants ?? '[]') as ImageView['variants'],
    crops: JSON.parse(row.media_crops ?? '[]') as ImageView['crops'],
    alt: row.media_alt ?? '',
    caption: row.media_caption ?? '',
    credit: row.media_credit ?? '',
    sourceAgency: row.media_agency,
  };
}

/** Bylines are fetched for up to this many articles per query. */
const BYLINE_BATCH = 12;

/**
 * One prepared query per list length: an `in (?, ?, ...)` list changes the SQL's shape, and each
 * shape is compiled once (padding to a fixed length instead made every call bind unused values).
 */
const bylinesOfSize = new Map<
  number,
  (db: Kysely<Database>, p: Record<string, number>) => Promise<BylineRow[]>
>();
type BylineRow = { article_id: number; id: number; name: string; slug: string };

function bylinesOf(size: number) {
  let query = bylinesOfSize.get(size);
  if (!query) {
    const slots = Array.from({ length: size }, (_, index) => `id${index}`);
    query = preparedQuery((db, p: Record<string, number>) =>
      db
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['aa.article_id', 'au.id', 'au.name', 'au.slug'])
        .where(
          'aa.article_id',
          'in',
          slots.map((slot) => p[slot] as number),
        )
        .orderBy('aa.article_id')
        .orderBy('aa.position'),
    );
    bylinesOfSize.set(size, query);
  }
  return query;
}

export async function loadBylines(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<Map<number, BylineView[]>> {
  const byArticle = new Map<number, BylineView[]>();
  for (let start = 0; start < articleIds.length; start += BYLINE_BATCH) {
    const batch = articleIds.slice(start, start + BYLINE_BATCH);
    const params = Object.fromEntries(batch.map((id, index) => [`id${index}`, id]));
    for (const row of await bylinesOf(batch.length)(db, params)) {
      const list = byArticle.get(row.article_id) ?? [];
      list.push({ id: row.id, name: row.name, slug: row.slug });
      byArticle.set(row.article_id, list);
    }
  }
  return byArticle;
}

export function summaryFromRow(
  row: SummaryRow,
  bylines: Map<number, BylineView[]>,
): ArticleSummary {
  return { ...linkFromRow(row, bylines), dek: row.dek, image: imageFromRow(row) };
}

/** Attaches the bylines to summary rows. */
export async function withBylines(
  db: Kysely<Database>,
  rows: SummaryRow[],
): Promise<ArticleSummary[]> {
  const bylines = await loadBylines(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => summaryFromRow(row, bylines));
}
