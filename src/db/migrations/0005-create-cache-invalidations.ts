import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * The changes every Galley process must hear about: one row per committed write, with the
 * surrogate keys it touched. Written in the write's own transaction (an outbox), so no process
 * drops a page before the change is visible, and no change is lost if a process dies.
 */
export const createCacheInvalidations: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('cache_invalidations').ifNotExists())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('cache_keys', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    // Readers ask for the rows of the last few seconds.
    await db.schema
      .createIndex('cache_invalidations_created_at')
      .ifNotExists()
      .on('cache_invalidations')
      .column('created_at')
      .execute();
  },
});
