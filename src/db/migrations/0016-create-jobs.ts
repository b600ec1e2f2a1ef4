import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Persisted background work (webhook deliveries first): a job survives restarts, is claimed by
 * one process at a time under a lease, and is retried with back-off until it succeeds or runs
 * out of attempts.
 */
export const createJobs: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('jobs').ifNotExists())
      .addColumn('kind', 'text', (c) => c.notNull())
      /** JSON: what the job's handler needs. */
      .addColumn('payload', 'text', (c) => c.notNull())
      /** pending, done or failed (out of attempts). */
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('run_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      /** While a process works on it: until when the claim holds, and whose it is. */
      .addColumn('locked_until', adapter.timestampType)
      .addColumn('locked_by', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('updated_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('jobs_due')
      .ifNotExists()
      .on('jobs')
      .columns(['status', 'run_at'])
      .execute();
  },
});
