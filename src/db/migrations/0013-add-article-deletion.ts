import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Deleting an article keeps the row (and its revisions) as a tombstone: the newsroom no longer
 * lists it, readers get 410 at its old URL, and history is never lost.
 */
export const addArticleDeletion: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    if (await hasColumn(db, 'articles', 'deleted_at')) return;
    await db.schema.alterTable('articles').addColumn('deleted_at', adapter.timestampType).execute();
  },
});
