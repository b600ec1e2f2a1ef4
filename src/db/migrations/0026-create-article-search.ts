import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * The full-text index of articles. Its shape differs by dialect (an FTS5 table on SQLite, a
 * tsvector table with a GIN index on PostgreSQL), so the adapter makes it. Articles written
 * before it are indexed when Galley starts (core/search/search-index.ts).
 */
export const createArticleSearch: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter.createSearchIndex(db);
  },
});
