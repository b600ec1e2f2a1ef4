import type { GalleyMigration, MigrationDb } from './migration.js';

/** The indexes behind the reader pages' lists: newest published first, by locale. */
export const createReaderIndexes: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    await db.schema
      .createIndex('articles_listing')
      .ifNotExists()
      .on('articles')
      .columns(['locale', 'status', 'published_at'])
      .execute();
    await db.schema
      .createIndex('articles_section_listing')
      .ifNotExists()
      .on('articles')
      .columns(['section_id', 'locale', 'status', 'published_at'])
      .execute();
    await db.schema
      .createIndex('article_authors_author')
      .ifNotExists()
      .on('article_authors')
      .columns(['author_id', 'article_id'])
      .execute();
    await db.schema
      .createIndex('article_tags_tag')
      .ifNotExists()
      .on('article_tags')
      .columns(['tag_id', 'article_id'])
      .execute();
  },
});
