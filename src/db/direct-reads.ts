/**
 * A shortcut for reads on dialects whose driver is synchronous (SQLite). Kysely runs every query
 * through its connection provider, a mutex and a chain of promises; for a reader page of a few
 * small indexed reads that machinery cost about a tenth of the request. A dialect may register a
 * direct read for its Kysely instance; prepared queries (prepared-query.ts) use it when it is
 * there, and Kysely otherwise.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs a read and returns its rows, or returns null when it cannot run right now and the caller
 * must go through Kysely: SQLite answers null while a write transaction is open on the connection,
 * so that a read never sees (or caches) rows that may still roll back; Kysely's queue then makes
 * it wait for the commit.
 */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | null;

const directReads = new WeakMap<Kysely<Database>, DirectRead>();

export function registerDirectRead(db: Kysely<Database>, read: DirectRead): void {
  directReads.set(db, read);
}

export function directReadFor(db: Kysely<Database>): DirectRead | undefined {
  return directReads.get(db);
}
