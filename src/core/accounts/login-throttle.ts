/**
 * The growing back-off on failed logins, per account and per client. Kept in the database so
 * that every process enforces the same limits.
 *
 * The first few failures cost nothing; from the fifth on, each one locks the key for twice as
 * long as the last (1 s, 2 s, 4 s... up to 15 minutes). A success clears both keys; failures
 * older than an hour are forgotten.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export const FREE_FAILURES = 4;
const MAX_LOCK_SECONDS = 15 * 60;
const FORGET_AFTER_MS = 60 * 60_000;

/** Seconds until the first of the keys unlocks, or 0 if none is locked. */
export async function lockedForSeconds(
  trx: Transaction<Database>,
  keys: string[],
  now: Date,
): Promise<number> {
  const rows = await trx
    .selectFrom('login_throttles')
    .select(['locked_until'])
    .where('key', 'in', keys)
    .execute();
  let seconds = 0;
  for (const row of rows) {
    if (row.locked_until === null) continue;
    const remaining = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
    seconds = Math.max(seconds, remaining);
  }
  return seconds;
}

export async function recordFailure(
  trx: Transaction<Database>,
  keys: string[],
  now: Date,
): Promise<void> {
  for (const key of keys) {
    const row = await trx
      .selectFrom('login_throttles')
      .select(['failures', 'updated_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    const isStale =
      row !== undefined && Date.parse(row.updated_at) < now.getTime() - FORGET_AFTER_MS;
    const failures = row && !isStale ? row.failures + 1 : 1;
    const lockSeconds =
      failures > FREE_FAILURES
        ? Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_SECONDS)
        : 0;
    const values = {
      failures,
      locked_until:
        lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null,
      updated_at: now.toISOString(),
    };
    await trx
      .insertInto('login_throttles')
      .values({ key, ...values })
      .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
      .execute();
  }
}

export async function clearFailures(trx: Transaction<Database>, keys: string[]): Promise<void> {
  await trx.deleteFrom('login_throttles').where('key', 'in', keys).execute();
}
