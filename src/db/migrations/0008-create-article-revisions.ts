import type { GalleyMigration, MigrationDb } from './migration.js';

/** Every saved version of an article: who saved it, when, why, and what it said. */
export const createArticleRevisions: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('article_revisions').ifNotExists())
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('created_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .addColumn('note', 'text')
      // JSON: the editable fields and the body as they stood at this version.
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addUniqueConstraint('article_revisions_article_version', ['article_id', 'version'])
      .execute();
  },
});
