import type { GalleyMigration, MigrationDb } from './migration.js';

/** The publication, and the per-locale taxonomy: sections and tags. */
export const createPublicationTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('publications').ifNotExists())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
      .addColumn('default_locale', 'text', (c) => c.notNull().defaultTo('en'))
      .addColumn('logo_path', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('publication_translations')
      .ifNotExists()
      .addColumn('publication_id', 'integer', (c) =>
        c.notNull().references('publications.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('tagline', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('publication_translations_pk', ['publication_id', 'locale'])
      .execute();

    await adapter
      .addIdColumn(db.schema.createTable('sections').ifNotExists())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('section_translations')
      .ifNotExists()
      .addColumn('section_id', 'integer', (c) =>
        c.notNull().references('sections.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('section_translations_pk', ['section_id', 'locale'])
      .addUniqueConstraint('section_translations_locale_slug', ['locale', 'slug'])
      .execute();

    await adapter
      .addIdColumn(db.schema.createTable('tags').ifNotExists())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('tag_translations')
      .ifNotExists()
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tag_translations_pk', ['tag_id', 'locale'])
      .addUniqueConstraint('tag_translations_locale_slug', ['locale', 'slug'])
      .execute();
  },
});
