/**
 * The rate limit on readers' error reports: a fixed window per client (an HMAC of its address,
 * never the address) and one for the whole site, counted in the database so that every Galley
 * process enforces the same limits.
 *
 * Each count is one atomic upsert (`INSERT ... ON CONFLICT DO UPDATE ... RETURNING`): on
 * PostgreSQL concurrent submissions queue on the row's lock instead of losing increments, and
 * SQLite runs one write at a time anyway. Submissions over the limit still count; they do not
 * extend the window.
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export const REPORT_WINDOW_MS = 10 * 60_000;
/** Reports one client may send per window: a reader with several mistakes to point out fits. */
export const REPORTS_PER_CLIENT = 5;
/** Reports the whole site takes per window: a newsroom reads them by hand. */
export const REPORTS_PER_SITE = 200;

export const GLOBAL_THROTTLE_KEY = 'global';

/**
 * Counts one submission against `key`; returns 0 if it is within `limit`, else the seconds until
 * the window ends.
 */
export async function countSubmission(
  trx: Transaction<Database>,
  key: string,
  limit: number,
  now: Date,
): Promise<number> {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - REPORT_WINDOW_MS).toISOString();
  const isExpired = sql<boolean>`error_report_throttles.window_started_at <= ${windowStart}`;
  const row = await trx
    .insertInto('error_report_throttles')
    .values({ key, window_started_at: nowIso, count: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`CASE WHEN ${isExpired} THEN 1 ELSE error_report_throttles.count + 1 END`,
        window_started_at: sql<string>`CASE WHEN ${isExpired} THEN ${nowIso} ELSE error_report_throttles.window_started_at END`,
      }),
    )
    .returning(['count', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (Number(row.count) <= limit) {
    // The first count of a new site-wide window: forget clients whose windows have ended.
    if (key === GLOBAL_THROTTLE_KEY && Number(row.count) === 1)
      await trx
        .deleteFrom('error_report_throttles')
        .where('window_started_at', '<=', windowStart)
        .execute();
    return 0;
  }
  const endsAt = Date.parse(row.window_started_at) + REPORT_WINDOW_MS;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}
