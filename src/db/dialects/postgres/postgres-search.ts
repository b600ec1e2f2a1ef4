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
 *
 * The table is partitioned by language (migration 0029), so a search reads one language's rows
 * and the planner estimates a word from that language's statistics.
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { RankedPageRequest, SearchEngine, SearchScope } from '../../dialect-features.js';
import type { Database, Locale } from '../../schema.js';
import { foldAccents } from '../../../lib/search-text.js';

const CONFIGURATIONS: Record<Locale, { name: string; copyOf: string }> = {
  en: { name: 'galley_english', copyOf: 'english' },
  es: { name: 'galley_spanish', copyOf: 'spanish' },
};

/** ts_rank's weights for D, C, B, A: body, tags and authors, dek, headline. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/**
 * What a one-word query can score below when its word is not in the headline (the dek's weight;
 * see `rankedPage`).
 */
const OUTSIDE_HEADLINE_CEILING = 0.4;

function tsqueryFor(words: string[], locale: Locale) {
  // plainto_tsquery reads plain words and never raises a syntax error. The words go in as typed:
  // the index holds both the accented and the folded forms.
  return sql`plainto_tsquery(${CONFIGURATIONS[locale].name}::regconfig, ${words.join(' ')})`;
}

/** The scope's conditions on `article_search s`, besides matching the words. */
function scopeConditions(scope: SearchScope) {
  // The locale as a literal: the planner then reads only that language's partition, and judges
  // the plan by that partition's statistics, however the statement is prepared.
  const conditions = [sql`s.locale = ${sql.lit(scope.locale)}`];
  if (scope.publishedOnly) conditions.push(sql`s.status = 'published'`);
  if (scope.sectionId !== undefined) conditions.push(sql`s.section_id = ${scope.sectionId}`);
  if (scope.type !== undefined) conditions.push(sql`s.type = ${scope.type}`);
  if (scope.publishedFrom)
    conditions.push(sql`s.published_at >= ${scope.publishedFrom}::timestamptz`);
  if (scope.publishedTo) conditions.push(sql`s.published_at <= ${scope.publishedTo}::timestamptz`);
  return conditions;
}

const MATCH_DATE = sql`coalesce(s.published_at, s.updated_at)`;

function ageInDays(date: RawBuilder<unknown>, now: string) {
  // In double precision: extract() returns numeric, and numeric arithmetic in the ranking's sort
  // key cost about a microsecond a match (25 ms for a word in 21,000 articles).
  return sql<number>`(extract(epoch from (${now}::timestamptz - ${date}))::float8 / 86400.0)`;
}

/**
 * Ranks one page without scoring every match, for queries of one word (one lexeme once stop words
 * are dropped). ts_rank scores such a query as (1 / 1.6449) x the sum, over the word's positions
 * j = 0, 1, ..., of weight(j) / (j + 1)^2, provided the heaviest position comes first; it does
 * here, since the vector is written headline, dek, tags and authors, body, and positions run in
 * that order. A match whose word is not in the headline weighs at most 0.4 (the dek) at every
 * position, so it scores below 0.4 x boost(age); a headline match scores at least 0.608.
 *
 * So: rank the headline matches (a small GIN index on the headline's part of the vector) and take
 * the score s of the last row the page needs. Another match can reach the page only if
 * 0.4 x boost(age) >= s: only within some days of `now` (none when even today's boost is short).
 * Rank the other matches of that window too, and merge. The page is the one ranking every match
 * would give. "dijo" (21,000 Spanish matches, 2,249 with the word in the headline) then ranks
 * about 2,250 rows instead of 21,000. With fewer headline matches than the page needs, or a
 * window with no end, it answers null and the caller ranks every match (few, or unavoidable).
 */
async function rankedPage(
  db: Kysely<Database>,
  words: string[],
  scope: SearchScope,
  page: RankedPageRequest,
): Promise<number[] | null> {
  const tsquery = tsqueryFor(words, scope.locale);
  const { rows: shape } = await sql<{
    lexemes: number;
  }>`select numnode(${tsquery})::int as lexemes`.execute(db);
  if (shape[0]?.lexemes !== 1) return null;
  const depth = page.offset + page.limit;
  const conditions = scopeConditions(scope);
  if (page.authorId !== undefined)
    conditions.push(sql`exists (select 1 from article_authors aa
      where aa.article_id = s.article_id and aa.author_id = ${page.authorId})`);
  const score = sql<number>`ts_rank(${RANK_WEIGHTS}::float4[], s.document, ${tsquery}) *
    ${page.boost.sql(ageInDays(MATCH_DATE, page.now))}`;
  const best = async (only: RawBuilder<unknown>) => {
    const { rows } = await sql<{ id: number; score: number }>`select s.article_id as id,
      ${score} as score from article_search s
      where ${sql.join([...conditions, only], sql` and `)}
      order by score desc, s.article_id desc limit ${sql.lit(depth)}`.execute(db);
    return rows;
  };
  // The headline's part of the vector, as the index `article_search_headline` holds it. A match
  // there is a match: asking the full index as well only made the planner read both.
  const inHeadline = sql`ts_filter(s.document, '{a}') @@ ${tsquery}`;
  const headlineRows = await best(inHeadline);
  const last = headlineRows[depth - 1];
  if (!last) return null;
  let rows = headlineRows;
  if (OUTSIDE_HEADLINE_CEILING * page.boost.at(0) >= last.score) {
    const days = windowDays((age) => OUTSIDE_HEADLINE_CEILING * page.boost.at(age) >= last.score);
    if (days === null) return null;
    const now = Date.parse(page.now);
    const from = new Date(now - days * 86_400_000).toISOString();
    const to = new Date(now + days * 86_400_000).toISOString();
    const recentRows = await best(sql`s.document @@ ${tsquery} and not (${inHeadline})
      and ${MATCH_DATE} between ${from}::timestamptz and ${to}::timestamptz`);
    rows = [...headlineRows, ...recentRows].sort((a, b) => b.score - a.score || b.id - a.id);
  }
  return rows.slice(page.offset, depth).map((row) => row.id);
}

/** A century: a window wider than that has no useful end. */
const LONGEST_WINDOW_DAYS = 36_525;

/**
 * Days from `now` within which `reaches` may hold, given that it holds at 0 and, as the age moves
 * away from 0, stops holding for good once it stops; null when it still holds a century away.
 * Rounded up by a day: a wider window only ranks a few more rows.
 */
function windowDays(reaches: (ageInDays: number) => boolean): number | null {
  if (reaches(LONGEST_WINDOW_DAYS)) return null;
  let inside = 0;
  let outside = LONGEST_WINDOW_DAYS;
  while (outside - inside > 0.01) {
    const middle = (inside + outside) / 2;
    if (reaches(middle)) inside = middle;
    else outside = middle;
  }
  return outside + 1;
}

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
      // The key is (article_id, locale): an article whose language changed would otherwise keep
      // its row in the old language's partition.
      const written = documents.map(
        (document) => sql`(${document.articleId}::integer, ${document.locale}::text)`,
      );
      await sql`delete from article_search s using (values ${sql.join(written)})
        as w(article_id, locale) where s.article_id = w.article_id and s.locale <> w.locale`.execute(
        db,
      );
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
          on conflict (article_id, locale) do update set
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
      const tsquery = tsqueryFor(words, scope.locale);
      return sql<{ article_id: number; relevance: number; date: string }>`(select s.article_id,
        ts_rank(${RANK_WEIGHTS}::float4[], s.document, ${tsquery}) as relevance,
        ${MATCH_DATE} as date
        from article_search s
        where ${sql.join([sql`s.document @@ ${tsquery}`, ...scopeConditions(scope)], sql` and `)})`;
    },

    rankedPage,

    // Safe since the partitions (migration 0029): a LIMIT used to make the planner scan the table
    // for a word common in one language and rare in the other, whose estimate mixed both.
    countsStopEarly: true,

    ageInDays(column, now) {
      return ageInDays(sql.ref(column), now);
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
