import type { GalleyMigration, MigrationDb } from './migration.js';

/** Before any event: a database that never rolled up folds from its oldest event. */
export const NOTHING_FOLDED = '1970-01-01T00:00:00.000Z';

/**
 * Analytics rollups become incremental (analytics/rollup.ts): each round folds only the events
 * received since the last one, up to a watermark kept in `analytics_rollup_state`, instead of
 * recomputing the whole current hour from its raw events every minute.
 *
 * The move: rollups made before this migration recomputed whole hours, so every hour before the
 * latest rolled-up one is complete. The latest one may not be: its rows are deleted, and the
 * watermark starts at its beginning, so the first fold counts it again from its raw events.
 */
export const addAnalyticsFoldWatermark: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await db.schema
      .createTable('analytics_rollup_state')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('folded_until', adapter.timestampType, (c) => c.notNull())
      .execute();
    // CASE: re-run after it succeeded: the watermark has moved on, and the rows are the folds'.
    if (await db.selectFrom('analytics_rollup_state').select('id').executeTakeFirst()) return;
    const latest = await db
      .selectFrom('analytics_hourly')
      .select((eb) => eb.fn.max('hour').as('hour'))
      .executeTakeFirst();
    const latestHour = latest?.hour ? new Date(latest.hour).toISOString() : null;
    if (latestHour !== null)
      for (const table of [
        'analytics_hourly',
        'analytics_hourly_visitors',
        'analytics_hourly_sources',
      ] as const)
        await db.deleteFrom(table).where('hour', '=', latestHour).execute();
    await db
      .insertInto('analytics_rollup_state')
      .values({ id: 1, folded_until: latestHour ?? NOTHING_FOLDED })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
});
