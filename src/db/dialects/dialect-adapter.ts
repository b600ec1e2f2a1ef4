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
  /** A human-readable location for logs, with any password removed. */
  readonly description: string;
}
