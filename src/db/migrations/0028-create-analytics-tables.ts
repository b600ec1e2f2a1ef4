import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * First-party analytics: raw beacon events (pruned after a configurable period), the daily
 * visitor salts (deleted after 48 hours) and the hourly rollups the dashboard reads.
 */
export const createAnalyticsTables: GalleyMigration = (adapter) => ({
  async up(db: MigrationDb) {
    await adapter
      .addIdColumn(db.schema.createTable('analytics_events').ifNotExists())
      .addColumn('received_at', adapter.timestampType, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('visitor', 'text', (c) => c.notNull())
      // No foreign keys: events outlive deleted articles, and inserts must stay cheap.
      .addColumn('article_id', 'integer')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer')
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('referrer_domain', 'text', (c) => c.notNull())
      .addColumn('utm_campaign', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('target_article_id', 'integer')
      .execute();
    // Rollups and pruning read by time; first-of-day visitor checks read by visitor and time.
    await db.schema
      .createIndex('analytics_events_by_time')
      .ifNotExists()
      .on('analytics_events')
      .columns(['received_at'])
      .execute();
    await db.schema
      .createIndex('analytics_events_by_visitor')
      .ifNotExists()
      .on('analytics_events')
      .columns(['visitor', 'received_at'])
      .execute();
    await db.schema
      .createTable('analytics_salts')
      .ifNotExists()
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('analytics_hourly')
      .ifNotExists()
      .addColumn('hour', adapter.timestampType, (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addColumn('visitors', 'integer', (c) => c.notNull())
      .addColumn('engaged_seconds', 'integer', (c) => c.notNull())
      .addColumn('scroll_25', 'integer', (c) => c.notNull())
      .addColumn('scroll_50', 'integer', (c) => c.notNull())
      .addColumn('scroll_75', 'integer', (c) => c.notNull())
      .addColumn('scroll_100', 'integer', (c) => c.notNull())
      .addColumn('rec_impressions', 'integer', (c) => c.notNull())
      .addColumn('rec_clicks', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_hourly_pk', [
        'hour',
        'article_id',
        'locale',
        'section_id',
      ])
      .execute();
    await db.schema
      .createTable('analytics_hourly_visitors')
      .ifNotExists()
      .addColumn('hour', adapter.timestampType, (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer', (c) => c.notNull())
      .addColumn('visitors', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_hourly_visitors_pk', ['hour', 'locale', 'section_id'])
      .execute();
    await db.schema
      .createTable('analytics_hourly_sources')
      .ifNotExists()
      .addColumn('hour', adapter.timestampType, (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('section_id', 'integer', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_hourly_sources_pk', [
        'hour',
        'locale',
        'section_id',
        'dimension',
        'value',
      ])
      .execute();
  },
});
