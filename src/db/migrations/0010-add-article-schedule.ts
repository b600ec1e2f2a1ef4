import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/** When a scheduled article goes live. */
export const addArticleSchedule: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    if (await hasColumn(db, 'articles', 'scheduled_for')) return;
    await db.schema
      .alterTable('articles')
      .addColumn('scheduled_for', adapter.timestampType)
      .execute();
  },
});
