import type { GalleyMigration, MigrationDb } from './migration.js';

/** A video's captions: one validated WebVTT file per language. */
export const createMediaCaptions: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await db.schema
      .createTable('media_captions')
      .ifNotExists()
      .addColumn('media_id', 'integer', (c) =>
        c.notNull().references('media.id').onDelete('cascade'),
      )
      .addColumn('locale', 'text', (c) => c.notNull())
      /** Storage key of the .vtt file under the media root. */
      .addColumn('path', 'text', (c) => c.notNull())
      /** What the player's captions menu shows, e.g. "English", "Español". */
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .addPrimaryKeyConstraint('media_captions_pk', ['media_id', 'locale'])
      .execute();
  },
});
