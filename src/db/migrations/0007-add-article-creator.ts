import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Who created an article: contributors and authors may change only their own. Null for
 * articles made by the system (demo content, imports).
 */
export const addArticleCreator: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    const columns = await db.introspection.getTables();
    const articles = columns.find((table) => table.name === 'articles');
    // Safe to re-run: ALTER TABLE ... ADD COLUMN has no IF NOT EXISTS in SQLite.
    if (articles?.columns.some((column) => column.name === 'created_by_user_id')) return;
    await db.schema
      .alterTable('articles')
      .addColumn('created_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .execute();
  },
});
