import type { GalleyMigration, MigrationDb } from './migration.js';

/** Staff accounts, their login sessions, and the login throttle. */
export const createStaffTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('staff_users').ifNotExists())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('disabled_at', adapter.timestampType)
      .execute();

    await db.schema
      .createTable('staff_sessions')
      .ifNotExists()
      // The SHA-256 of the session token: a leaked table does not leak live cookies.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) =>
        c.notNull().references('staff_users.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('expires_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('staff_sessions_user')
      .ifNotExists()
      .on('staff_sessions')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('login_throttles')
      .ifNotExists()
      // `account:<email>` or `client:<hash of the address>`; raw addresses are never stored.
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', adapter.timestampType)
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .execute();

    // Secrets this installation makes for itself on first use (e.g. the key for client hashes).
    await db.schema
      .createTable('instance_secrets')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
});
