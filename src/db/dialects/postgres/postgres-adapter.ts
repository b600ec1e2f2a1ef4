import { Kysely, PostgresDialect } from 'kysely';
import type { CreateTableBuilder } from 'kysely';
import pg from 'pg';
import type { Database } from '../../schema.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import { registerDialectFeatures } from '../../dialect-features.js';
import type { DialectFeatures } from '../../dialect-features.js';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { createPostgresSearchIndex, postgresSearch } from './postgres-search.js';

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/**
 * Type parsers for this pool only (never pg's global registry): timestamps come back as ISO-8601
 * UTC strings, as they do from SQLite, and `count(*)` (int8) comes back as a number.
 */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export class PostgresAdapter implements DialectAdapter {
  readonly name = 'postgres';
  readonly timestampType = 'timestamptz';
  readonly description: string;

  constructor(
    private readonly connectionString: string,
    private readonly poolSize = 10,
  ) {
    this.description = `PostgreSQL ${redactPassword(connectionString)}`;
  }

  createKysely(): Kysely<Database> {
    const pool = new pg.Pool({
      connectionString: this.connectionString,
      max: this.poolSize,
      types: typeParsers,
    });
    // An idle client that loses its connection emits 'error' on the pool; without a listener that
    // would crash the process. The next query gets a fresh client.
    pool.on('error', (error) => console.error(`postgres pool: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerDialectFeatures(db, {
      jsonArrayFrom: jsonArrayFrom as DialectFeatures['jsonArrayFrom'],
      skipLocked: true,
      queriesBlockThread: false,
      search: postgresSearch(),
    });
    return db;
  }

  createSearchIndex = createPostgresSearchIndex;

  addIdColumn<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T, 'id'> {
    return table.addColumn('id', 'integer', (column) =>
      column.primaryKey().generatedByDefaultAsIdentity(),
    );
  }
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db, for logs. */
export function redactPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
