import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Who created an article: contributors and authors may change only their own. Null for
 * articles made by the system (demo content, imports).
 */
export const addArticleCreator: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    if (await hasColumn(db, 'articles', 'created_by_user_id')) return;
    await db.schema
      .alterTable('articles')
      .addColumn('created_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .execute();
  },
});
