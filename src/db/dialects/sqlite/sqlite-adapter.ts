import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import type {
  CreateTableBuilder,
  DatabaseConnection,
  Driver,
  SqliteDatabase,
  SqliteDialectConfig,
  SqliteStatement,
} from 'kysely';
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

/**
 * Transactions begin IMMEDIATE, taking the write lock first. A plain (deferred) transaction
 * reads from a snapshot and upgrades to a writer at its first write; if another connection has
 * committed since the snapshot, SQLite cannot upgrade it and fails at once with "database is
 * locked", without waiting (the busy timeout does not apply). Other connections commit all the
 * time: the analytics ingest and rollup threads have their own, and so does every other process
 * on the same file. An editor's save would fail whenever a batch of beacons landed between its
 * first read and its first write.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateTransactionDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.config);
  }
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
    const db = new Kysely<Database>({
      dialect: new ImmediateTransactionDialect({ database: kyselyDatabase }),
    });
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
