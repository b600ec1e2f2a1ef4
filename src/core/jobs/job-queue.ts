/**
 * The persisted job queue. Jobs are enqueued inside the transaction of the change that causes
 * them (an outbox: no job for a change that rolled back, no change without its job), claimed by
 * one process at a time under a lease, and retried with exponential back-off.
 *
 * Claiming is one UPDATE that takes due, unclaimed (or lease-expired) rows and stamps them with
 * this process's name: on PostgreSQL its subquery locks rows with FOR UPDATE SKIP LOCKED, so
 * concurrent claimers take different jobs without waiting; SQLite runs one write at a time, so the
 * UPDATE is atomic by itself. Either way each attempt of a job runs in exactly one process.
 */
import type { Kysely, Transaction } from 'kysely';
import { dialectFeatures } from '../../db/dialect-features.js';
import type { Database } from '../../db/schema.js';

export interface JobToEnqueue {
  kind: string;
  payload: unknown;
  runAt?: Date;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

export async function enqueueJobs(
  trx: Transaction<Database> | Kysely<Database>,
  jobs: JobToEnqueue[],
  now: Date,
): Promise<number[]> {
  if (jobs.length === 0) return [];
  const rows = await trx
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        status: 'pending' as const,
        run_at: (job.runAt ?? now).toISOString(),
        attempts: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        locked_until: null,
        locked_by: null,
        last_error: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Claims up to `limit` due jobs for `worker` until `now + leaseMs`. */
export async function claimDueJobs(
  db: Kysely<Database>,
  worker: string,
  options: { now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  const nowIso = options.now.toISOString();
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(options.limit);
  // Most looks find nothing due. A plain read answers them: on SQLite the UPDATE below takes the
  // database's write lock even when it matches no row, and waiting for that lock (held by the
  // analytics writer for milliseconds at a time) blocks the thread that serves pages.
  if ((await due.executeTakeFirst()) === undefined) return [];
  if (dialectFeatures(db).skipLocked) due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      locked_by: worker,
      locked_until: new Date(options.now.getTime() + options.leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updated_at: nowIso,
    }))
    .where('id', 'in', due)
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

/** The job is finished. Only its claimer may say so (a lease that ran out belongs to another). */
export async function completeJob(
  db: Kysely<Database>,
  job: ClaimedJob,
  worker: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_until: null, updated_at: now.toISOString(), last_error: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .execute();
}

/** Seconds before the next try: 30 s, 1 min, 2 min... doubling, at most 6 hours. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** (attempt - 1), 6 * 60 * 60);
}

/** The attempt failed: try again after the back-off, or give up after the last attempt. */
export async function failJobAttempt(
  db: Kysely<Database>,
  job: ClaimedJob,
  worker: string,
  error: string,
  now: Date,
): Promise<'retrying' | 'failed'> {
  const isLast = job.attempt >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: isLast ? 'failed' : 'pending',
      run_at: new Date(now.getTime() + backoffSeconds(job.attempt) * 1000).toISOString(),
      locked_until: null,
      last_error: error.slice(0, 1000),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', worker)
    .execute();
  return isLast ? 'failed' : 'retrying';
}
