/**
 * The job that computes Recommended blocks again (queued by `syncRecommendations`, by editors'
 * pins and excludes, at start and hourly for popularity), and tells every process which pages
 * now show a different block: the same outbox row and listeners a write uses.
 */
import type { Kysely } from 'kysely';
import type { ClaimedJob } from '../jobs/job-queue.js';
import { recordCacheInvalidation } from '../operation.js';
import type { Core } from '../operation.js';
import { cacheKey } from '../change-set.js';
import type { ChangeSet } from '../change-set.js';
import type { Database } from '../../db/schema.js';
import { CandidatePool, articlesWithoutBlocks, refreshRecommendations } from './recommend.js';
import type { RecommendationsJobPayload } from './refresh-queue.js';
import { enqueueRecommendationRefresh } from './refresh-queue.js';
import { vectorizeMissingArticles } from './sync-recommendations.js';

/** Computes the blocks a request names, stores them, and drops the pages that changed. */
export async function runRecommendationsRefresh(
  core: Core,
  request: RecommendationsJobPayload,
  now = new Date(),
  pool?: CandidatePool,
): Promise<number[]> {
  const changed = await refreshRecommendations(core.db, request, now, { pool });
  if (changed.length === 0) return changed;
  const changes: ChangeSet = {
    cacheKeys: new Set(changed.map((id) => cacheKey.article(id))),
    events: [],
  };
  await recordCacheInvalidation(core.db, core.origin, changes.cacheKeys);
  for (const listener of core.listeners) listener(changes);
  return changed;
}

/**
 * The job's handler. Jobs claimed together (a burst of publishes, an import) share one candidate
 * pool: a pool whose loading began after a job was claimed already holds every change that queued
 * that job, and loading the pool is most of a refresh's cost.
 */
export function recommendationsJobHandler(core: Core) {
  let shared: { startedAt: number; pool: Promise<CandidatePool> } | undefined;
  return async (job: ClaimedJob, lease: { claimedAt: Date }): Promise<void> => {
    const payload = job.payload as Partial<RecommendationsJobPayload>;
    const now = new Date();
    if (!shared || shared.startedAt <= lease.claimedAt.getTime()) {
      const pool = CandidatePool.load(core.db, now);
      shared = { startedAt: now.getTime(), pool };
      // A failed load is not shared: the next job loads again.
      pool.catch(() => (shared = undefined));
    }
    await runRecommendationsRefresh(
      core,
      { articleIds: payload.articleIds ?? [], changedIds: payload.changedIds ?? [] },
      now,
      await shared.pool,
    );
  };
}

/** Blocks computed at start at once; beyond this many, they are left to jobs in the background. */
const START_NOW_LIMIT = 2000;
const JOB_CHUNK = 500;

/**
 * At start: vectors for articles that have none, then blocks for published articles that have
 * none. A small site gets them before it serves its first page; a large archive (an upgrade)
 * gets them from jobs, newest first, while it serves.
 */
export async function prepareRecommendations(
  core: Core,
  now = new Date(),
): Promise<{ vectors: number; blocks: number; queued: number }> {
  const vectors = await vectorizeMissingArticles(core.db, now);
  const missing = await articlesWithoutBlocks(core.db, Number.MAX_SAFE_INTEGER);
  if (missing.length <= START_NOW_LIMIT) {
    if (missing.length > 0)
      await runRecommendationsRefresh(core, { articleIds: missing, changedIds: [] }, now);
    return { vectors, blocks: missing.length, queued: 0 };
  }
  for (let start = 0; start < missing.length; start += JOB_CHUNK)
    await enqueueRecommendationRefresh(
      core.db,
      { articleIds: missing.slice(start, start + JOB_CHUNK), changedIds: [] },
      now,
    );
  return { vectors, blocks: 0, queued: missing.length };
}

/**
 * Popularity moves by the hour: the blocks of the stories readers opened in the last day are
 * computed again (a job), so a story read widely rises in the blocks around it.
 */
export async function queuePopularityRefresh(
  db: Kysely<Database>,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const rows = await db
    .selectFrom('analytics_hourly')
    .select('article_id')
    .distinct()
    .where('hour', '>=', since)
    .where('article_id', '>', 0)
    .limit(2000)
    .execute();
  const ids = rows.map((row) => row.article_id);
  for (let start = 0; start < ids.length; start += JOB_CHUNK)
    await enqueueRecommendationRefresh(
      db,
      { articleIds: ids.slice(start, start + JOB_CHUNK), changedIds: [] },
      now,
    );
  return ids.length;
}
