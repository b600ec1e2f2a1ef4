/**
 * Deletes what analytics must not keep: raw events older than the retention period (the hourly
 * rollups stay), and salts older than 48 hours, after which no visitor hash can be linked to
 * another day's or recomputed. Events go in bounded batches with a pause between them, so a
 * large backlog (a first prune, a shortened retention) never holds the database, or SQLite's
 * synchronous driver and the pages waiting on it, for long.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const DAY_MS = 86_400_000;
export const SALT_LIFETIME_MS = 48 * 3_600_000;
const EVENTS_PER_BATCH = 5000;
const PAUSE_BETWEEN_BATCHES_MS = 20;

export interface PruneResult {
  events: number;
  salts: number;
}

export async function pruneAnalytics(
  db: Kysely<Database>,
  options: { now: Date; retentionDays: number },
): Promise<PruneResult> {
  const eventsBefore = new Date(options.now.getTime() - options.retentionDays * DAY_MS);
  let events = 0;
  for (;;) {
    const result = await db
      .deleteFrom('analytics_events')
      .where(
        'id',
        'in',
        db
          .selectFrom('analytics_events')
          .select('id')
          .where('received_at', '<', eventsBefore.toISOString())
          .limit(EVENTS_PER_BATCH),
      )
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    events += deleted;
    if (deleted < EVENTS_PER_BATCH) break;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_BATCHES_MS));
  }
  const salts = await db
    .deleteFrom('analytics_salts')
    .where('created_at', '<', new Date(options.now.getTime() - SALT_LIFETIME_MS).toISOString())
    .executeTakeFirst();
  return { events, salts: Number(salts.numDeletedRows) };
}
