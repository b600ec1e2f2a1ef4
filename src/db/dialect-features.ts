/**
 * What a dialect offers beyond plain Kysely, registered per Kysely instance by its adapter
 * (db/dialects/<name>/) so that code above `db/` can use it without knowing the dialect.
 */
import { sql } from 'kysely';
import type { Expression, Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema.js';

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
