import { sql } from 'kysely';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * PostgreSQL only: the full-text index (`article_search`, migration 0026) becomes a table
 * partitioned by language, one partition per edition and a default one for any other locale.
 * Every search is in one language, so it reads one partition: half the rows, and a GIN index
 * whose posting lists hold only that language's articles.
 *
 * The reason is the planner's statistics more than the halving. Each partition has its own, so
 * "would" is common in English and absent in Spanish. With one table the Spanish estimate was
 * half the English count. Searching Spanish for it then scanned every row. Counting the other
 * language's matches ("people" in Spanish) read all of the English matches to drop them.
 *
 * Two more indexes serve ranking a common word on a bounded set of matches (see
 * db/dialects/postgres/postgres-search.ts, `rankedPage`).
 *
 * SQLite keeps its FTS5 table: it has no partitions, and its counts already stop early.
 *
 * Rows are copied as they are. The primary key becomes (article_id, locale): a key on a
 * partitioned table must hold the partition column.
 */
export const partitionArticleSearch: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    if (adapter.name !== 'postgres') return;
    const { rows } = await sql<{ kind: string }>`select c.relkind as kind from pg_class c
      where c.oid = to_regclass('article_search')`.execute(db);
    // CASE: re-run after it succeeded (the table is already partitioned).
    if (rows[0]?.kind !== 'r') return;
    // The old table's index names are taken back by the new table, so they move aside first.
    await sql`alter table article_search rename to article_search_before_0029`.execute(db);
    await sql`alter table article_search_before_0029
      rename constraint article_search_pkey to article_search_before_0029_pkey`.execute(db);
    await sql`alter table article_search_before_0029 rename constraint
      article_search_article_id_fkey to article_search_before_0029_article_id_fkey`.execute(db);
    await sql`alter index article_search_document
      rename to article_search_before_0029_document`.execute(db);
    await sql`create table article_search (
      article_id integer not null references articles(id) on delete cascade,
      locale text not null,
      status text not null,
      section_id integer not null,
      type text not null,
      published_at timestamptz,
      updated_at timestamptz not null,
      document tsvector not null,
      primary key (article_id, locale)
    ) partition by list (locale)`.execute(db);
    await sql`create table article_search_en partition of article_search
      for values in ('en')`.execute(db);
    await sql`create table article_search_es partition of article_search
      for values in ('es')`.execute(db);
    await sql`create table article_search_other partition of article_search default`.execute(db);
    await sql`insert into article_search
      (article_id, locale, status, section_id, type, published_at, updated_at, document)
      select article_id, locale, status, section_id, type, published_at, updated_at, document
      from article_search_before_0029`.execute(db);
    // Built after the copy: one sort per partition instead of an index insert per row. GIN
    // queues inserted rows in a pending list that every search reads in full until a vacuum
    // merges it; by default up to 4 MB. After indexing 100,000 articles the lists held 150 to
    // 360 pages per index, and a search for a word in 555 headlines read 364 pages to find them.
    // 256 kB keeps that read short and still merges writes in batches.
    await sql`create index article_search_document on article_search
      using gin (document) with (gin_pending_list_limit = 256)`.execute(db);
    // For ranking a common word without scoring every match (postgres-search.ts, rankedPage):
    // the matches with the word in the headline (the vector's A-weighted part), and the others
    // by date.
    await sql`create index article_search_headline on article_search
      using gin (ts_filter(document, '{a}')) with (gin_pending_list_limit = 256)`.execute(db);
    await sql`create index article_search_date on article_search
      ((coalesce(published_at, updated_at)))`.execute(db);
    await sql`drop table article_search_before_0029`.execute(db);
    await sql`analyze article_search`.execute(db);
  },
});
