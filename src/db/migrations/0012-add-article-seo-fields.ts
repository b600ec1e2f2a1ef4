import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * The title and description search engines and link previews show, when the newsroom wants them
 * to differ from the headline and dek. Empty means "use the headline / dek".
 */
export const addArticleSeoFields: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    if (!(await hasColumn(db, 'articles', 'seo_title')))
      await db.schema
        .alterTable('articles')
        .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    if (!(await hasColumn(db, 'articles', 'seo_description')))
      await db.schema
        .alterTable('articles')
        .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
  },
});
