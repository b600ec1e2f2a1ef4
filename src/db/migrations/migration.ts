import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialects/dialect-adapter.js';

/**
 * A migration receives the dialect adapter so it can ask for the portable column types
 * (ids, timestamps) without branching on the dialect itself.
 *
 * Rules (see docs/ARCHITECTURE.md): forward-only; safe to re-run (`ifNotExists` everywhere);
 * one kind of change per migration; never import application code, so a migration means today
 * what it meant when it was written.
 */
export type GalleyMigration = (adapter: DialectAdapter) => Migration;

// Kysely<any> because a migration must not depend on the current schema type, which changes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/**
 * Whether a table already has a column. `ALTER TABLE ... ADD COLUMN` has no `IF NOT EXISTS` in
 * SQLite, so a migration that adds a column asks first, to stay safe to re-run.
 */
export async function hasColumn(db: MigrationDb, table: string, column: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some(
    (found) => found.name === table && found.columns.some((c) => c.name === column),
  );
}
