import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { CreateTableBuilder, SqliteDatabase, SqliteStatement } from 'kysely';
import type { Database } from '../../schema.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import { registerDialectFeatures } from '../../dialect-features.js';
import type { DialectFeatures } from '../../dialect-features.js';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { createSqliteSearchIndex, sqliteSearch } from './sqlite-search.js';

/** Statements kept prepared; past this the cache starts over (a guard against unbounded SQL). */
const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Keeps statements prepared. Kysely prepares every query anew, and preparing costs more than
 * running a typical indexed read, so on the page-rendering path the cache roughly halves the
 * database time.
 */
function statementCache(
  database: BetterSqlite3.Database,
): (sql: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

export class SqliteAdapter implements DialectAdapter {
  readonly name = 'sqlite';
  readonly timestampType = 'text';
  readonly description: string;

  constructor(private readonly filename: string) {
    this.description = `SQLite ${filename}`;
  }

  createKysely(): Kysely<Database> {
    if (this.filename !== ':memory:') mkdirSync(dirname(this.filename), { recursive: true });
    const database = new BetterSqlite3(this.filename);
    // WAL lets readers run while a write commits; foreign keys are off by default in SQLite.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const prepare = statementCache(database);
    const kyselyDatabase: SqliteDatabase = {
      close: () => database.close(),
      prepare: (sql) => prepare(sql) as unknown as SqliteStatement,
    };
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselyDatabase }) });
    // Reads skip Kysely's queue unless a write transaction is open on this connection.
    registerDialectFeatures(db, {
      jsonArrayFrom: jsonArrayFrom as DialectFeatures['jsonArrayFrom'],
      directRead: (sql, parameters) =>
        database.inTransaction ? null : (prepare(sql).all(parameters) as unknown[]),
      skipLocked: false,
      queriesBlockThread: true,
      search: sqliteSearch,
    });
    return db;
  }

  createSearchIndex = createSqliteSearchIndex;

  addIdColumn<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T, 'id'> {
    return table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
  }
}
