import type { GalleyMigration, MigrationDb } from './migration.js';

/** Staff API tokens for scripts: shown once when made, stored only as their SHA-256. */
export const createApiTokens: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('api_tokens').ifNotExists())
      .addColumn('user_id', 'integer', (c) =>
        c.notNull().references('staff_users.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('revoked_at', adapter.timestampType)
      .execute();
  },
});
