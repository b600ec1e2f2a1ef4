/**
 * Published articles for the Content API: filtered, in a stable order, a page at a time with an
 * opaque cursor (keyset pagination, so a page costs the same however deep the reader is, and
 * concurrent publishing never shifts items between pages).
 */
import type { Kysely } from 'kysely';
import { BODY_HTML_VERSION, renderBodyHtml } from '../../content/render-body-html.js';
import type { BodyDoc } from '../../content/body-schema.js';
import type { ArticleType, Database, Locale } from '../../db/schema.js';
import { publishedArticles, withBylines } from './article-summaries.js';
import type { ArticleSummary } from './reader-types.js';

export interface ContentArticle extends ArticleSummary {
  translationGroup: string;
  updatedAt: string;
  wordCount: number;
  tags: { id: number; name: string; slug: string }[];
  /** Where it was reported from ('' = not given). */
  dateline: string;
  /** "How we reported this" ('' = none). */
  backstory: string;
  sources: { name: string; url: string; note: string }[];
  translations: { id: number; locale: Locale; slug: string; sectionSlug: string }[];
  /** Only when asked for: bodies are most of an article's bytes. */
  bodyHtml?: string;
}

/** What the API reads beside the summary columns. */
const CONTENT_COLUMNS = [
  'a.translation_group',
  'a.updated_at',
  'a.word_count',
  'a.dateline',
  'a.backstory',
] as const;

export interface ContentArticleFilter {
  locale?: Locale | undefined;
  section?: string | undefined;
  tag?: string | undefined;
  author?: string | undefined;
  type?: ArticleType | undefined;
  /** Articles changed at or after this time, oldest change first: for keeping a copy in sync. */
  updatedSince?: string | undefined;
  /** Where the previous page ended (from `nextCursor`). */
  after?: ContentCursor | undefined;
  limit: number;
}

/** The sort key of the last item a page returned. */
export interface ContentCursor {
  at: string;
  id: number;
}

export function encodeCursor(cursor: ContentCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The cursor inside an opaque string, or null when it is not one this API made. */
export function decodeCursor(raw: string): ContentCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      Number.isInteger(value[1]) &&
      (value[1] as number) > 0
    )
      return { at: value[0], id: value[1] as number };
  } catch {
    // fall through: not base64url JSON
  }
  return null;
}

export async function listContentArticles(
  db: Kysely<Database>,
  filter: ContentArticleFilter,
  options: { withBody: boolean },
): Promise<{ items: ContentArticle[]; nextCursor: string | null }> {
  // Syncing clients read oldest change first; everyone else newest publication first.
  const isSync = filter.updatedSince !== undefined;
  const sortColumn = isSync ? 'a.updated_at' : 'a.published_at';
  let query = publishedArticles(db).select(CONTENT_COLUMNS);
  if (filter.locale) query = query.where('a.locale', '=', filter.locale);
  if (filter.type) query = query.where('a.type', '=', filter.type);
  if (filter.section) query = query.where('st.slug', '=', filter.section);
  if (filter.tag) {
    const slug = filter.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags as at')
          .innerJoin('tag_translations as tt', 'tt.tag_id', 'at.tag_id')
          .select('at.article_id')
          .whereRef('at.article_id', '=', 'a.id')
          .whereRef('tt.locale', '=', 'a.locale')
          .where('tt.slug', '=', slug),
      ),
    );
  }
  if (filter.author) {
    const slug = filter.author;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .innerJoin('authors as au', 'au.id', 'aa.author_id')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('au.slug', '=', slug),
      ),
    );
  }
  if (filter.updatedSince) query = query.where('a.updated_at', '>=', filter.updatedSince);
  if (filter.after) {
    const { at, id } = filter.after;
    query = query.where((eb) =>
      isSync
        ? eb.or([eb(sortColumn, '>', at), eb.and([eb(sortColumn, '=', at), eb('a.id', '>', id)])])
        : eb.or([eb(sortColumn, '<', at), eb.and([eb(sortColumn, '=', at), eb('a.id', '<', id)])]),
    );
  }
  const direction = isSync ? 'asc' : 'desc';
  // One row more than the page tells whether there is a next page without counting.
  const rows = await query
    .orderBy(sortColumn, direction)
    .orderBy('a.id', direction)
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const items = await completeArticles(db, page, options);
  const last = page.at(-1);
  const lastAt = last && (isSync ? last.updated_at : last.published_at);
  return {
    items,
    nextCursor:
      rows.length > filter.limit && last && lastAt
        ? encodeCursor({ at: lastAt, id: last.id })
        : null,
  };
}

/** One published article, by id or by its locale and slug. */
export async function findContentArticle(
  db: Kysely<Database>,
  by: { id: number } | { locale: Locale; slug: string },
  options: { withBody: boolean },
): Promise<ContentArticle | null> {
  let query = publishedArticles(db).select(CONTENT_COLUMNS);
  query =
    'id' in by
      ? query.where('a.id', '=', by.id)
      : query.where('a.locale', '=', by.locale).where('a.slug', '=', by.slug);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const [article] = await completeArticles(db, [row], options);
  return article ?? null;
}

type ContentRow = Parameters<typeof withBylines>[1][number] & {
  translation_group: string;
  updated_at: string;
  word_count: number;
  dateline: string;
  backstory: string;
};

/** Bylines, tags, language versions and (if asked) bodies for a page of rows: a query each. */
async function completeArticles(
  db: Kysely<Database>,
  rows: ContentRow[],
  options: { withBody: boolean },
): Promise<ContentArticle[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const groups = [...new Set(rows.map((row) => row.translation_group))];
  const [summaries, tags, versions, bodies, sources] = await Promise.all([
    withBylines(db, rows),
    db
      .selectFrom('article_tags as at')
      .innerJoin('articles as a', 'a.id', 'at.article_id')
      .innerJoin('tag_translations as tt', (join) =>
        join.onRef('tt.tag_id', '=', 'at.tag_id').onRef('tt.locale', '=', 'a.locale'),
      )
      .select(['at.article_id', 'tt.tag_id as id', 'tt.name', 'tt.slug'])
      .where('at.article_id', 'in', ids)
      .orderBy('tt.name')
      .execute(),
    db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.id', 'a.locale', 'a.slug', 'a.translation_group', 'st.slug as section_slug'])
      .where('a.translation_group', 'in', groups)
      .where('a.status', '=', 'published')
      .execute(),
    options.withBody
      ? db
          .selectFrom('articles')
          .select(['id', 'locale', 'body_html', 'body_html_version', 'body'])
          .where('id', 'in', ids)
          .execute()
      : [],
    db
      .selectFrom('article_sources')
      .select(['article_id', 'name', 'url', 'note'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute(),
  ]);
  return rows.map((row, index) => {
    const summary = summaries[index] as ArticleSummary;
    const body = bodies.find((candidate) => candidate.id === row.id);
    return {
      ...summary,
      translationGroup: row.translation_group,
      updatedAt: row.updated_at,
      wordCount: row.word_count,
      dateline: row.dateline,
      backstory: row.backstory,
      sources: sources
        .filter((source) => source.article_id === row.id)
        .map(({ name, url, note }) => ({ name, url, note })),
      tags: tags
        .filter((tag) => tag.article_id === row.id)
        .map(({ id, name, slug }) => ({ id, name, slug })),
      translations: versions
        .filter((v) => v.translation_group === row.translation_group && v.id !== row.id)
        .map((v) => ({ id: v.id, locale: v.locale, slug: v.slug, sectionSlug: v.section_slug })),
      ...(body && {
        bodyHtml:
          body.body_html_version === BODY_HTML_VERSION
            ? body.body_html
            : renderBodyHtml(JSON.parse(body.body) as BodyDoc, body.locale),
      }),
    };
  });
}
