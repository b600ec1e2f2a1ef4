/**
 * What differs between the databases Galley runs on. Everything dialect-specific lives behind
 * this interface, in db/dialects/<name>/; the rest of the code speaks Kysely and never branches
 * on the dialect.
 */
import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely';
import type { Database } from '../schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectAdapter {
  readonly name: DialectName;
  /** Opens the connection (a file handle or a pool) and returns the Kysely instance on it. */
  createKysely(): Kysely<Database>;
  /**
   * The column type for points in time. SQLite has no date type, so it stores ISO-8601 UTC text
   * (which sorts correctly as text); PostgreSQL stores `timestamptz`, whose driver is configured
   * to return the same ISO strings.
   */
  readonly timestampType: ColumnDataType;
  /**
   * Adds an auto-incrementing integer primary key named `id`. SQLite wants
   * `integer primary key autoincrement`; PostgreSQL wants an identity column.
   */
  addIdColumn<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T, 'id'>;
  /**
   * Creates the full-text index of articles (migration 0026): an FTS5 table on SQLite; on
   * PostgreSQL a tsvector table with a GIN index and the `galley_english` / `galley_spanish`
   * configurations (with `unaccent` where the extension can be had). Safe to re-run.
   */
  createSearchIndex(db: Kysely<any>): Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A human-readable location for logs, with any password removed. */
  readonly description: string;
}
