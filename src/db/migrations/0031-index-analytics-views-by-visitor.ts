import { sql } from 'kysely';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * The rollups' first-seen check of visitors (analytics/rollup.ts) reads only views, by visitor
 * and time: the index on (visitor, received_at) becomes a partial index over views. Every event
 * paid for the old index at insert, though only views are ever looked up by visitor; most
 * events are engagement heartbeats, scroll and Recommended-block events.
 */
export const indexAnalyticsViewsByVisitor: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    await db.schema
      .createIndex('analytics_views_by_visitor')
      .ifNotExists()
      .on('analytics_events')
      .columns(['visitor', 'received_at'])
      .where(sql.ref('kind'), '=', sql.lit('view'))
      .execute();
    await db.schema.dropIndex('analytics_events_by_visitor').ifExists().execute();
  },
});
