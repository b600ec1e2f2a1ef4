import type { GalleyMigration, MigrationDb } from './migration.js';

/** Media (images for now) and authors, each with per-locale text. */
export const createPeopleAndMediaTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('media').ifNotExists())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('source_agency', 'text')
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('media_translations')
      .ifNotExists()
      .addColumn('media_id', 'integer', (c) =>
        c.notNull().references('media.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('alt', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('media_translations_pk', ['media_id', 'locale'])
      .execute();

    await adapter
      .addIdColumn(db.schema.createTable('authors').ifNotExists())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('author_translations')
      .ifNotExists()
      .addColumn('author_id', 'integer', (c) =>
        c.notNull().references('authors.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('author_translations_pk', ['author_id', 'locale'])
      .execute();
  },
});
