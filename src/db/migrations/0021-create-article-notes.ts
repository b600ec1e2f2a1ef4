import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Public notes on articles (corrections, clarifications, updates, editor's notes), and every
 * amendment of one. A note is never deleted: an amendment keeps what the note said before, when
 * it changed and who changed it.
 */
export const createArticleNotes: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('article_notes').ifNotExists())
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      /** correction, clarification, update or editors_note. */
      .addColumn('type', 'text', (c) => c.notNull())
      /** Plain text in the article's language. */
      .addColumn('text', 'text', (c) => c.notNull())
      /** Shown at the top of the article instead of at its end. */
      .addColumn('is_prominent', 'integer', (c) => c.notNull().defaultTo(0))
      /** The date-time readers see on the note. */
      .addColumn('noted_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('created_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      /** The last amendment's time; null while the note is as first written. */
      .addColumn('amended_at', adapter.timestampType)
      .execute();
    await adapter
      .addIdColumn(db.schema.createTable('article_note_amendments').ifNotExists())
      .addColumn('note_id', 'integer', (c) =>
        c.notNull().references('article_notes.id').onDelete('cascade'),
      )
      .addColumn('previous_type', 'text', (c) => c.notNull())
      .addColumn('previous_text', 'text', (c) => c.notNull())
      .addColumn('previous_is_prominent', 'integer', (c) => c.notNull())
      .addColumn('amended_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .addColumn('amended_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('article_notes_by_article')
      .ifNotExists()
      .on('article_notes')
      .columns(['article_id', 'noted_at'])
      .execute();
    // The corrections page and feed: every note, newest first.
    await db.schema
      .createIndex('article_notes_by_time')
      .ifNotExists()
      .on('article_notes')
      .columns(['noted_at', 'id'])
      .execute();
    await db.schema
      .createIndex('article_note_amendments_by_note')
      .ifNotExists()
      .on('article_note_amendments')
      .columns(['note_id', 'amended_at'])
      .execute();
  },
});
