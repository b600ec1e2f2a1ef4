/**
 * What a dialect offers beyond plain Kysely, registered per Kysely instance by its adapter
 * (db/dialects/<name>/) so that code above `db/` can use it without knowing the dialect.
 */
import { sql } from 'kysely';
import type { Expression, Kysely, RawBuilder, Transaction } from 'kysely';
import type { ArticleStatus, ArticleType, Database, Locale } from './schema.js';

/**
 * Runs a read and returns its rows, or returns null when it cannot run right now and the caller
 * must go through Kysely: SQLite answers null while a write transaction is open on the connection,
 * so that a read never sees (or caches) rows that may still roll back; Kysely's queue then makes
 * it wait for the commit.
 */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | null;

export interface DialectFeatures {
  /**
   * A subquery's rows as one JSON array column, so one query can bring an article with its tags,
   * bylines and recommendations. SQLite returns the array as text, PostgreSQL as parsed JSON, and
   * arrays nested in arrays come back from SQLite as text again: read them with `jsonArray`.
   */
  jsonArrayFrom<O>(query: Expression<O>): RawBuilder<JsonArrayColumn<O>>;
  /**
   * A shortcut for reads on dialects whose driver is synchronous (SQLite). Kysely runs every
   * query through its connection provider, a mutex and a chain of promises; for a reader page of
   * a few small indexed reads that machinery cost about a tenth of the request. Prepared queries
   * (prepared-query.ts) use it when it is there.
   */
  directRead?: DirectRead;
  /**
   * Whether rows can be claimed with `FOR UPDATE SKIP LOCKED` (PostgreSQL), so that processes
   * claiming jobs at once each take different rows without waiting. SQLite has no row locks: it
   * runs one write at a time, which makes a claiming UPDATE atomic by itself.
   */
  skipLocked: boolean;
  /**
   * Whether queries run on the calling thread (SQLite's synchronous driver): a long query then
   * holds up every request the process serves, so long background work (analytics rollups) runs
   * on a worker thread with its own connection. PostgreSQL runs queries in its own processes.
   */
  queriesBlockThread: boolean;
  /** Full-text search over articles: SQLite FTS5 or PostgreSQL text search. */
  search: SearchEngine;
}

/** One article as the search index sees it: its words per field, in its own language. */
export interface SearchDocument {
  articleId: number;
  locale: Locale;
  headline: string;
  dek: string;
  body: string;
  /** Tag names, space-separated. */
  tags: string;
  /** Author names, space-separated. */
  authors: string;
  /** What filters read, kept beside the words so a search need not read the articles table. */
  status: ArticleStatus;
  sectionId: number;
  type: ArticleType;
  publishedAt: string | null;
  updatedAt: string;
}

/** Which articles a search may return, besides matching its words. */
export interface SearchScope {
  locale: Locale;
  /** Readers see published articles only; the newsroom every article that is not deleted. */
  publishedOnly: boolean;
  sectionId?: number | undefined;
  type?: ArticleType | undefined;
  /** Bounds on the publication time, ISO-8601, inclusive. */
  publishedFrom?: string | undefined;
  publishedTo?: string | undefined;
}

/** How a ranking weighs recency: a match scores its relevance times the boost of its age. */
export interface RecencyBoost {
  /** The boost of an age in days (as `SearchEngine.ageInDays` gives it), in SQL. */
  sql(ageInDays: RawBuilder<number>): RawBuilder<number>;
  /** The same in JavaScript. It depends on the age's distance from 0 and never grows with it. */
  at(ageInDays: number): number;
}

/** One page of matches by relevance times boost, best first, ties broken by the higher id. */
export interface RankedPageRequest {
  now: string;
  boost: RecencyBoost;
  /** Only articles by this author. */
  authorId?: number | undefined;
  limit: number;
  offset: number;
}

/**
 * One interface, two engines (db/dialects/sqlite/sqlite-search.ts with FTS5,
 * db/dialects/postgres/postgres-search.ts with tsvector). Both weigh a match in the headline above
 * the dek, the dek above tags and authors, and those above the body.
 */
export interface SearchEngine {
  /** Adds or replaces the documents. */
  write(db: Kysely<Database> | Transaction<Database>, documents: SearchDocument[]): Promise<void>;
  remove(db: Kysely<Database> | Transaction<Database>, articleIds: number[]): Promise<void>;
  /**
   * A subquery of the articles in `scope` whose words include every one of `words` (stemmed in
   * the scope's language), with columns `article_id`, `relevance` (higher is better) and `date`
   * (publication time, or the last change for what is unpublished). `words` are plain words
   * (lib/search-text.ts `queryWords`), never query syntax.
   */
  matches(
    words: string[],
    scope: SearchScope,
  ): RawBuilder<{ article_id: number; relevance: number; date: string }>;
  /**
   * Optional: the ids of one page, exactly as ranking every match of `matches` would order them,
   * without scoring the matches the engine can prove cannot reach the page; null when it cannot
   * prove it for this query, and the caller ranks `matches` itself.
   */
  rankedPage?(
    db: Kysely<Database>,
    words: string[],
    scope: SearchScope,
    page: RankedPageRequest,
  ): Promise<number[] | null>;
  /** Days from a timestamp column to `now` (an ISO-8601 string), as a number. */
  ageInDays(column: string, now: string): RawBuilder<number>;
  /**
   * Whether a count stops early under a LIMIT (SQLite: 0.3 ms against 18 ms for a word in 31,000
   * articles). An engine whose planner would answer a LIMIT by scanning the table instead of
   * reading the index says no, and counts in full.
   */
  countsStopEarly: boolean;
  /** Up to `limit` articles that are not deleted and not in the index (made before it). */
  unindexedArticleIds(db: Kysely<Database>, limit: number): Promise<number[]>;
}

/** A JSON array column as it arrives: parsed (PostgreSQL) or as text (SQLite). */
export type JsonArrayColumn<O> = O[] | string;

const featuresByDatabase = new WeakMap<Kysely<Database>, DialectFeatures>();

export function registerDialectFeatures(db: Kysely<Database>, features: DialectFeatures): void {
  featuresByDatabase.set(db, features);
}

export function dialectFeatures(db: Kysely<Database>): DialectFeatures {
  const features = featuresByDatabase.get(db);
  if (!features) throw new Error('this Kysely instance was not made by a Galley dialect adapter');
  return features;
}

/** Reads a JSON array column in either form. */
export function jsonArray<O>(value: JsonArrayColumn<O> | null | undefined): O[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? (JSON.parse(value) as O[]) : value;
}

/**
 * `column` contains `words`, ignoring case, on both dialects (SQLite's LIKE ignores ASCII case
 * but PostgreSQL's does not, so both sides are lowercased). `%` and `_` in the words are
 * literal, not wildcards. For newsroom filters over a few thousand rows; reader search uses the
 * full-text indexes.
 */
export function containsText(column: string, words: string): RawBuilder<boolean> {
  const pattern = `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
