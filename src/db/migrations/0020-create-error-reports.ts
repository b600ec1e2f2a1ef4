import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Readers' error reports (the "Found a mistake?" form), the editors' history of each report, and
 * the per-client rate limit that holds off floods.
 */
export const createErrorReports: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('error_reports').ifNotExists())
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      /** The edition the reader wrote from (en or es). */
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('what_is_wrong', 'text', (c) => c.notNull())
      /** The passage the reader quoted; '' = none. Plain text, shown escaped. */
      .addColumn('passage', 'text', (c) => c.notNull())
      .addColumn('reply_email', 'text')
      /** HMAC of the reader's address (core/accounts/client-key.ts); the address is never stored. */
      .addColumn('client_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assigned_to_user_id', 'integer', (c) =>
        c.references('staff_users.id').onDelete('set null'),
      )
      /** The public correction that resolved it (no foreign key: notes live in their own table). */
      .addColumn('correction_id', 'integer')
      /** The editors' recorded reply (sent by email once Galley sends email). */
      .addColumn('reply_text', 'text')
      .addColumn('replied_at', adapter.timestampType)
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('error_reports_by_status')
      .ifNotExists()
      .on('error_reports')
      .columns(['status', 'id'])
      .execute();
    await db.schema
      .createIndex('error_reports_by_article')
      .ifNotExists()
      .on('error_reports')
      .columns(['article_id'])
      .execute();

    // Who changed what on a report, and when: the queue's history.
    await adapter
      .addIdColumn(db.schema.createTable('error_report_events').ifNotExists())
      .addColumn('report_id', 'integer', (c) =>
        c.notNull().references('error_reports.id').onDelete('cascade'),
      )
      /** Null when the system made the change. */
      .addColumn('user_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
      /** status | assignedToUserId | correctionId | replyText */
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('from_value', 'text')
      .addColumn('to_value', 'text')
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('error_report_events_by_report')
      .ifNotExists()
      .on('error_report_events')
      .columns(['report_id', 'id'])
      .execute();

    // Fixed-window counters: `client:<hmac of the address>` and `global`.
    await db.schema
      .createTable('error_report_throttles')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_started_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
});
