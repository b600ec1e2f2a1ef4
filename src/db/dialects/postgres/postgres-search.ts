/**
 * Search on PostgreSQL: one tsvector per article, weighted by field (headline A, dek B, tags and
 * authors C, body D), in a GIN index, built with the article's language configuration
 * (`galley_english`, `galley_spanish`: copies of the built-in `english` and `spanish`, so Galley
 * can tune them without touching the built-ins).
 *
 * Accents: each field is indexed twice, as written and without accents (`unaccent()` when the
 * extension is installed, else Galley's own folding), and queries go in as typed. Unaccenting
 * before the stemmer would be simpler but wrong: Snowball's Spanish stemmer knows "-ación" and
 * "-aciones" only with the accent, so "investigación" and "investigaciones" stem to "investig"
 * while "investigacion" stays whole. Both copies let "investigaciones" and "corrupcion" find
 * "investigación" and "corrupción".
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { SearchEngine } from '../../dialect-features.js';
import type { Database, Locale } from '../../schema.js';
import { foldAccents } from '../../../lib/search-text.js';

const CONFIGURATIONS: Record<Locale, { name: string; copyOf: string }> = {
  en: { name: 'galley_english', copyOf: 'english' },
  es: { name: 'galley_spanish', copyOf: 'spanish' },
};

/** ts_rank's weights for D, C, B, A: body, tags and authors, dek, headline. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createPostgresSearchIndex(db: Kysely<any>): Promise<void> {
  try {
    await sql`create extension if not exists unaccent`.execute(db);
  } catch {
    // CASE: the extension is not installed on the server, or the role may not create it: Galley
    // folds accents itself (see above).
  }
  for (const config of Object.values(CONFIGURATIONS)) {
    const { rows } = await sql<{ found: number }>`select count(*)::int as found from pg_ts_config
      where cfgname = ${config.name}`.execute(db);
    if (rows[0]?.found) continue;
    await sql`create text search configuration ${sql.id(config.name)} (copy = ${sql.raw(`pg_catalog.${config.copyOf}`)})`.execute(
      db,
    );
  }
  // What filters read is kept beside the words (written with them on every change), so a
  // search never joins the wide articles table: the GIN index finds the rows, and that is all.
  await sql`create table if not exists article_search (
    article_id integer primary key references articles(id) on delete cascade,
    locale text not null,
    status text not null,
    section_id integer not null,
    type text not null,
    published_at timestamptz,
    updated_at timestamptz not null,
    document tsvector not null
  )`.execute(db);
  await sql`create index if not exists article_search_document on article_search using gin (document)`.execute(
    db,
  );
}

/** Whether the database has `unaccent()`. */
async function haveUnaccent(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`select count(*)::int as found from pg_extension
    where extname = 'unaccent'`.execute(db);
  return Boolean(rows[0]?.found);
}

/** The engine for one database (it remembers whether that database has `unaccent`). */
export function postgresSearch(): SearchEngine {
  let unaccentInstalled: Promise<boolean> | undefined;
  return {
    async write(db, documents) {
      if (documents.length === 0) return;
      unaccentInstalled ??= haveUnaccent(db);
      const unaccent = await unaccentInstalled;
      for (const document of documents) {
        const config = CONFIGURATIONS[document.locale].name;
        const vector = (value: string, weight: string) => {
          const folded = unaccent ? sql`unaccent(${value})` : sql`${foldAccents(value)}`;
          return sql`setweight(to_tsvector(${config}::regconfig, ${value}) ||
            to_tsvector(${config}::regconfig, ${folded}), ${weight})`;
        };
        await sql`insert into article_search
          (article_id, locale, status, section_id, type, published_at, updated_at, document)
          values (${document.articleId}, ${document.locale}, ${document.status},
          ${document.sectionId}, ${document.type}, ${document.publishedAt}, ${document.updatedAt},
          ${vector(document.headline, 'A')} || ${vector(document.dek, 'B')} ||
          ${vector(`${document.tags} ${document.authors}`, 'C')} || ${vector(document.body, 'D')})
          on conflict (article_id) do update set locale = excluded.locale,
            status = excluded.status, section_id = excluded.section_id, type = excluded.type,
            published_at = excluded.published_at, updated_at = excluded.updated_at,
            document = excluded.document`.execute(db);
      }
    },

    async remove(db, articleIds) {
      if (articleIds.length === 0) return;
      await sql`delete from article_search where article_id in (${sql.join(articleIds)})`.execute(
        db,
      );
    },

    matches(words, scope) {
      // plainto_tsquery reads plain words and never raises a syntax error. The words go in as
      // typed: the index holds both the accented and the folded forms.
      const config = CONFIGURATIONS[scope.locale].name;
      const tsquery = sql`plainto_tsquery(${config}::regconfig, ${words.join(' ')})`;
      const conditions = [sql`s.document @@ ${tsquery}`, sql`s.locale = ${scope.locale}`];
      if (scope.publishedOnly) conditions.push(sql`s.status = 'published'`);
      if (scope.sectionId !== undefined) conditions.push(sql`s.section_id = ${scope.sectionId}`);
      if (scope.type !== undefined) conditions.push(sql`s.type = ${scope.type}`);
      if (scope.publishedFrom)
        conditions.push(sql`s.published_at >= ${scope.publishedFrom}::timestamptz`);
      if (scope.publishedTo)
        conditions.push(sql`s.published_at <= ${scope.publishedTo}::timestamptz`);
      return sql<{ article_id: number; relevance: number; date: string }>`(select s.article_id,
        ts_rank(${RANK_WEIGHTS}::float4[], s.document, ${tsquery}) as relevance,
        coalesce(s.published_at, s.updated_at) as date
        from article_search s where ${sql.join(conditions, sql` and `)})`;
    },

    countsStopEarly: false,

    ageInDays(column, now) {
      return sql<number>`(extract(epoch from (${now}::timestamptz - ${sql.ref(column)})) / 86400.0)`;
    },

    async unindexedArticleIds(db: Kysely<Database>, limit) {
      const { rows } = await sql<{ id: number }>`select a.id from articles a
      where a.deleted_at is null
        and not exists (select 1 from article_search s where s.article_id = a.id)
      order by a.id limit ${limit}`.execute(db);
      return rows.map((row) => row.id);
    },
  };
}
