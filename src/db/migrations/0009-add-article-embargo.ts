import type { GalleyMigration, MigrationDb } from './migration.js';

/** An embargo: nobody may publish the article before this time. */
export const addArticleEmbargo: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    const tables = await db.introspection.getTables();
    const articles = tables.find((table) => table.name === 'articles');
    // Safe to re-run: ALTER TABLE ... ADD COLUMN has no IF NOT EXISTS in SQLite.
    if (articles?.columns.some((column) => column.name === 'embargo_until')) return;
    await db.schema
      .alterTable('articles')
      .addColumn('embargo_until', adapter.timestampType)
      .execute();
  },
});
