import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * What an article tells readers about how it was made (The Trust Project's indicators): the
 * place it was reported from (dateline), "How we reported this" (backstory), and its sources.
 * Empty text means the article has none.
 */
export const addArticleTrustFields: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    if (!(await hasColumn(db, 'articles', 'dateline')))
      await db.schema
        .alterTable('articles')
        .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    if (!(await hasColumn(db, 'articles', 'backstory')))
      await db.schema
        .alterTable('articles')
        .addColumn('backstory', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    await db.schema
      .createTable('article_sources')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      /** '' when the source has no public address (a person interviewed, a paper archive). */
      .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('article_sources_pkey', ['article_id', 'position'])
      .execute();
  },
});
