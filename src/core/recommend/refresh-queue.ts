/**
 * Asking for Recommended blocks to be computed again. The request is a job written in the
 * transaction of the change that causes it (the job queue's outbox), so a block is refreshed after
 * every change that could alter it, and never for a change that rolled back.
 */
import type { Kysely, Transaction } from 'kysely';
import { enqueueJobs } from '../jobs/job-queue.js';
import type { Database } from '../../db/schema.js';

export const RECOMMENDATIONS_JOB = 'recommendations.refresh';

export interface RecommendationsJobPayload {
  /** Articles whose blocks to compute again. */
  articleIds: number[];
  /**
   * Articles that were published, changed or withdrawn: the blocks that show them, and the blocks
   * of their nearest stories (which they may now enter), are computed again too.
   */
  changedIds: number[];
}

export async function enqueueRecommendationRefresh(
  trx: Transaction<Database> | Kysely<Database>,
  payload: RecommendationsJobPayload,
  now: Date,
): Promise<void> {
  if (payload.articleIds.length === 0 && payload.changedIds.length === 0) return;
  await enqueueJobs(trx, [{ kind: RECOMMENDATIONS_JOB, payload }], now);
}
