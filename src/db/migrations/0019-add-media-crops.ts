import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Fixed-ratio crops of an image (16x9, 4x3, 1x1), kept apart from the proportional renditions:
 * search engines' structured data asks for them, while pages use only the renditions.
 */
export const addMediaCrops: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    if (await hasColumn(db, 'media', 'crops')) return;
    await db.schema
      .alterTable('media')
      .addColumn('crops', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
});
