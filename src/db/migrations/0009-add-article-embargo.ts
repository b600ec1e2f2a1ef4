import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/** An embargo: nobody may publish the article before this time. */
export const addArticleEmbargo: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    if (await hasColumn(db, 'articles', 'embargo_until')) return;
    await db.schema
      .alterTable('articles')
      .addColumn('embargo_until', adapter.timestampType)
      .execute();
  },
});
