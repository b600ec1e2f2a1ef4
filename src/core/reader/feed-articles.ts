/**
 * The stories a feed carries: the newest published articles of a list (a locale's home, a
 * section, a tag, an author), each with everything a feed reader shows: summary fields, lead
 * image, bylines, tags, dates and the full rendered body. One prepared query per list shape,
 * with tags and bylines as JSON arrays beside the article's columns (as the article page does).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { BODY_HTML_VERSION } from '../../content/render-body-html.js';
import { renderStoredBody } from './stored-body.js';
import { jsonArray } from '../../db/dialect-features.js';
import type { JsonArrayColumn } from '../../db/dialect-features.js';
import { bylinesColumn, tagsColumn } from './article-json-columns.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, Locale } from '../../db/schema.js';
import { publishedArticles, summaryFromRow } from './article-summaries.js';
import type { PublishedArticlesQuery } from './article-summaries.js';
import type { ListFilter } from './list-articles.js';
import type { ArticleSummary, BylineView } from './reader-types.js';

/** How many stories a feed carries: enough for a reader polling a few times a day. */
export const FEED_SIZE = 20;

export interface FeedArticle extends ArticleSummary {
  /** When the row was created: never changes, so it can date a stable id (tag: URI). */
  createdAt: string;
  updatedAt: string;
  tags: { id: number; name: string; slug: string }[];
  /** The rendered body, escaped by construction (content/render-body-html.ts). */
  bodyHtml: string;
}

type Tag = FeedArticle['tags'][number];

function feedQuery(db: Kysely<Database>, articles: PublishedArticlesQuery) {
  return articles
    .select([
      'a.created_at',
      'a.updated_at',
      tagsColumn(db).as('tags'),
      bylinesColumn(db, 'a.id').as('authors'),
      'a.body_html_version',
      // Last: a long body spills into overflow pages (see docs/ARCHITECTURE.md).
      'a.body_html',
    ])
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(sql.lit(FEED_SIZE));
}

type IdParams = { locale: Locale; id: number };

/** The four list shapes, each prepared once per database. */
const feedRows = {
  home: preparedQuery((db, p: { locale: Locale }) =>
    feedQuery(db, publishedArticles(db).where('a.locale', '=', p.locale)),
  ),
  section: preparedQuery((db, p: IdParams) =>
    feedQuery(
      db,
      publishedArticles(db).where('a.locale', '=', p.locale).where('a.section_id', '=', p.id),
    ),
  ),
  tag: preparedQuery((db, p: IdParams) =>
    feedQuery(
      db,
      publishedArticles(db)
        .where('a.locale', '=', p.locale)
        .where('a.id', 'in', (sub) =>
          sub.selectFrom('article_tags').select('article_id').where('tag_id', '=', p.id),
        ),
    ),
  ),
  author: preparedQuery((db, p: IdParams) =>
    feedQuery(
      db,
      publishedArticles(db)
        .where('a.locale', '=', p.locale)
        .where('a.id', 'in', (sub) =>
          sub.selectFrom('article_authors').select('article_id').where('author_id', '=', p.id),
        ),
    ),
  ),
};

type FeedRow = Awaited<ReturnType<typeof feedRows.home>>[number];

function rowsFor(db: Kysely<Database>, filter: ListFilter): Promise<FeedRow[]> {
  const { locale } = filter;
  if ('sectionId' in filter) return feedRows.section(db, { locale, id: filter.sectionId });
  if ('tagId' in filter) return feedRows.tag(db, { locale, id: filter.tagId });
  if ('authorId' in filter) return feedRows.author(db, { locale, id: filter.authorId });
  return feedRows.home(db, { locale });
}

/** The newest published articles of a list, newest first (by publication time). */
export async function loadFeedArticles(
  db: Kysely<Database>,
  filter: ListFilter,
): Promise<FeedArticle[]> {
  const rows = await rowsFor(db, filter);
  return Promise.all(
    rows.map(async (row) => {
      const authors = jsonArray(row.authors as JsonArrayColumn<BylineView>);
      return {
        ...summaryFromRow(row, new Map([[row.id, authors]])),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        tags: jsonArray(row.tags as JsonArrayColumn<Tag>),
        bodyHtml:
          row.body_html_version === BODY_HTML_VERSION
            ? row.body_html
            : await renderStoredBody(db, row.id),
      };
    }),
  );
}
