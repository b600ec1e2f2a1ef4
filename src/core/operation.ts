/**
 * The one way to change content. Every write (Admin API, CLI, scheduler, importer, demo loader)
 * runs an operation through `runOperation`, which always does the same steps in the same order:
 *
 *   1. validate the input with the operation's zod schema (a ValidationError names the field);
 *   2. check the policy against the actor (deny by default);
 *   3. run the operation inside one transaction, which also updates the search index and the
 *      recommendation vectors of the articles it touched, queues their blocks' refresh, and
 *      records the change's cache keys in `cache_invalidations` for the other Galley processes
 *      (see server/invalidation-feed.ts);
 *   4. after commit, hand the change set to this process's listeners (page cache, site chrome).
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from './actor.js';
import type { ChangeSet } from './change-set.js';
import { ForbiddenError, ValidationError } from './errors.js';
import { isAllowed } from './policy.js';
import { syncSearchIndex } from './search/search-index.js';
import { syncRecommendations } from './recommend/sync-recommendations.js';
import { enqueueWebhookDeliveries } from './webhooks/webhook-events.js';
import type { Policy } from './policy.js';
import type { Database } from '../db/schema.js';

export interface OperationRun {
  trx: Transaction<Database>;
  actor: Actor;
  /** The operation's notion of "now"; callers may pin it (the demo loader back-dates stories). */
  now: Date;
  changes: ChangeSet;
}

export interface Operation<Input, Output> {
  name: string;
  input: z.ZodType<Input>;
  policy: Policy;
  run(run: OperationRun, input: Input): Promise<Output>;
}

/** Declares an operation; the identity function exists for type inference. */
export function defineOperation<Input, Output>(
  operation: Operation<Input, Output>,
): Operation<Input, Output> {
  return operation;
}

export type ChangeListener = (changes: ChangeSet) => void;

/** What operations need from the outside world: the database and who listens for changes. */
export interface Core {
  db: Kysely<Database>;
  listeners: ChangeListener[];
  /** Names this process in `cache_invalidations`, so it can skip the changes it made itself. */
  origin: string;
}

export async function runOperation<Input, Output>(
  core: Core,
  operation: Operation<Input, Output>,
  actor: Actor,
  rawInput: unknown,
  options: { now?: Date } = {},
): Promise<Output> {
  const parsed = operation.input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
    throw new ValidationError(field, issue?.message ?? 'invalid input');
  }
  if (!isAllowed(operation.policy, actor)) {
    throw new ForbiddenError(`${describeActor(actor)} may not ${operation.name}`);
  }
  const changes: ChangeSet = { cacheKeys: new Set(), events: [] };
  const now = options.now ?? new Date();
  const output = await core.db.transaction().execute(async (trx) => {
    const result = await operation.run({ trx, actor, now, changes }, parsed.data);
    // The search index changes with the articles, in the same transaction: never stale, never
    // ahead of what readers can see.
    const reindexed = await syncSearchIndex(core.db, trx, changes);
    // Recommendations: the touched articles' term vectors now, their blocks by a job (queued here).
    await syncRecommendations(trx, changes, reindexed, now);
    // Webhook deliveries are jobs written with the change itself: sent later, never lost.
    await enqueueWebhookDeliveries(trx, changes.events, now);
    await recordCacheInvalidation(trx, core.origin, changes.cacheKeys);
    return result;
  });
  for (const listener of core.listeners) listener(changes);
  return output;
}

/**
 * Records cache keys for the other Galley processes: the outbox their invalidation feeds read.
 * Operations call it inside the write's transaction; work that changes what pages show outside an
 * operation (a refreshed Recommended block) calls it after its own write.
 */
export async function recordCacheInvalidation(
  executor: Kysely<Database> | Transaction<Database>,
  origin: string,
  keys: Set<string>,
): Promise<void> {
  if (keys.size === 0) return;
  await executor
    .insertInto('cache_invalidations')
    .values({
      origin,
      cache_keys: [...keys].join(' '),
      // Wall-clock time, not an operation's `now` (which may be back-dated): the feed reads
      // recent rows.
      created_at: new Date().toISOString(),
    })
    .execute();
}

function describeActor(actor: Actor): string {
  if (actor.kind === 'staff') return `a ${actor.role}`;
  if (actor.kind === 'system') return `the system (${actor.reason})`;
  return 'an anonymous visitor';
}
