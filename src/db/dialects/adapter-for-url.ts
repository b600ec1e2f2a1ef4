import { resolve } from 'node:path';
import type { DialectAdapter } from './dialect-adapter.js';
import { PostgresAdapter } from './postgres/postgres-adapter.js';
import { SqliteAdapter } from './sqlite/sqlite-adapter.js';

/**
 * Picks the dialect from a DATABASE_URL: `sqlite:<path>` (or `sqlite::memory:`) and
 * `postgres://` / `postgresql://`.
 *
 * @example
 * adapterForUrl('sqlite:./data/galley.db').name // 'sqlite'
 */
export function adapterForUrl(databaseUrl: string): DialectAdapter {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '')
      throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/galley.db');
    return new SqliteAdapter(path === ':memory:' ? path : resolve(path));
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return new PostgresAdapter(databaseUrl);
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl.split(':')[0]}:...")`,
  );
}
