import type { GalleyMigration, MigrationDb } from './migration.js';

/** Articles, their ordered co-authors and tags, and redirects from old paths. */
export const createArticleTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('articles').ifNotExists())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('translation_group', 'text', (c) => c.notNull())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
      .addColumn('type', 'text', (c) => c.notNull().defaultTo('news'))
      .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lead_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('published_at', adapter.timestampType)
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      // The body rendered at write time, and the renderer version that rendered it (see
      // content/render-body-html.ts): the article page reads HTML instead of parsing JSON.
      .addColumn('body_html_version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      // Last on purpose: a body of several KB spills into SQLite overflow pages, and every column
      // stored after it would cost a walk through them on each list query that never reads it.
      .addColumn('body', 'text', (c) => c.notNull())
      .addUniqueConstraint('articles_locale_slug', ['locale', 'slug'])
      .addUniqueConstraint('articles_translation_group_locale', ['translation_group', 'locale'])
      .execute();

    await db.schema
      .createTable('article_authors')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
      .execute();

    await db.schema
      .createTable('article_tags')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
      .execute();

    await db.schema
      .createTable('redirects')
      .ifNotExists()
      .addColumn('from_path', 'text', (c) => c.primaryKey())
      .addColumn('to_path', 'text')
      .addColumn('status_code', 'integer', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();
  },
});
