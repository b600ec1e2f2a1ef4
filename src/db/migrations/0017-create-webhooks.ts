import type { GalleyMigration, MigrationDb } from './migration.js';

/** Webhook subscriptions, and a log of every delivery attempt for the newsroom to read. */
export const createWebhooks: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('webhooks').ifNotExists())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      /** The HMAC-SHA256 key the receiver checks signatures with; shown to admins when made. */
      .addColumn('secret', 'text', (c) => c.notNull())
      /** JSON array of event types, e.g. ["article.published"]. */
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('deleted_at', adapter.timestampType)
      .execute();
    await adapter
      .addIdColumn(db.schema.createTable('webhook_deliveries').ifNotExists())
      .addColumn('webhook_id', 'integer', (c) =>
        c.notNull().references('webhooks.id').onDelete('cascade'),
      )
      .addColumn('job_id', 'integer')
      .addColumn('event_type', 'text', (c) => c.notNull())
      /** The exact JSON body sent (and signed). */
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      /** The receiver's HTTP status, or null when it never answered. */
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_by_webhook')
      .ifNotExists()
      .on('webhook_deliveries')
      .columns(['webhook_id', 'id'])
      .execute();
  },
});
