import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * A video as an article's lead media. The lead image stays what cards, feeds and share tags
 * show; the article page shows the player in its place.
 */
export const addArticleLeadVideo: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    if (!(await hasColumn(db, 'articles', 'lead_video_id')))
      await db.schema
        .alterTable('articles')
        .addColumn('lead_video_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
        .execute();
    if (!(await hasColumn(db, 'articles', 'lead_video_autoplay')))
      await db.schema
        .alterTable('articles')
        .addColumn('lead_video_autoplay', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
  },
});
