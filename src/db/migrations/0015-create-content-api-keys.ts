import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Keys for the public, read-only Content API: each names a consumer (an app, a partner site) and
 * the browser origins allowed to call with it (CORS). Stored only as the key's SHA-256.
 */
export const createContentApiKeys: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('content_api_keys').ifNotExists())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      /** JSON array of origins such as `https://app.example`, or `["*"]`. */
      .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('revoked_at', adapter.timestampType)
      .execute();
  },
});
