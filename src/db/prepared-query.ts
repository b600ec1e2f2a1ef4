/**
 * Queries compiled once and run many times. Building and compiling a Kysely query costs about
 * 50 us on this machine, more than SQLite takes to run a typical indexed read, and a reader page
 * runs several. A prepared query is built once per database with placeholder values, and each
 * call only swaps the real values into the compiled parameter list (the SQL text is then the
 * same every time, so better-sqlite3's statement cache and PostgreSQL's plans apply as well).
 *
 * The query's shape must not depend on the values: no `in` lists of varying length, no branches.
 * Prepared queries are reads only: on SQLite they may run straight on the driver (dialect-features.ts).
 *
 * @example
 * const articleBySlug = preparedQuery((db, p: { locale: string; slug: string }) =>
 *   db.selectFrom('articles').selectAll().where('locale', '=', p.locale).where('slug', '=', p.slug));
 * const rows = await articleBySlug(db, { locale: 'en', slug: 'harbor' });
 */
import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import { dialectFeatures } from './dialect-features.js';
import type { Database } from './schema.js';

const MARK = '\u0000galley-param:';

type Params = Record<string, string | number>;

interface Prepared {
  compiled: CompiledQuery;
  /** For each compiled parameter: the name of the value it takes, or null for a constant. */
  slots: (string | null)[];
}

export function preparedQuery<P extends Params, Row>(
  build: (db: Kysely<Database>, params: P) => Compilable<Row>,
): (db: Kysely<Database>, params: P) => Promise<Row[]> {
  const byDatabase = new WeakMap<Kysely<Database>, Prepared>();
  return async (db, params) => {
    let prepared = byDatabase.get(db);
    if (!prepared) {
      const placeholders = Object.fromEntries(
        Object.keys(params).map((name) => [name, `${MARK}${name}`]),
      ) as P;
      const compiled = build(db, placeholders).compile();
      const slots = compiled.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : null,
      );
      const used = new Set(slots);
      const unused = Object.keys(params).filter((name) => !used.has(name));
      if (unused.length > 0) throw new Error(`prepared query never uses ${unused.join(', ')}`);
      prepared = { compiled, slots };
      byDatabase.set(db, prepared);
    }
    const { compiled, slots } = prepared;
    const parameters = compiled.parameters.map((value, index) => {
      const slot = slots[index];
      return slot === null || slot === undefined ? value : params[slot];
    });
    const direct = dialectFeatures(db).directRead?.(compiled.sql, parameters);
    if (direct) return direct as Row[];
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
