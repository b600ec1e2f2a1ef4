/**
 * Keeps this process's caches in step with writes made by other Galley processes (other workers
 * on this machine, other nodes on the same PostgreSQL). Every write records its cache keys in
 * `cache_invalidations` inside its own transaction; this feed reads the recent rows a few times a
 * second and drops the cached pages they name.
 *
 * It reads by time window, not by "id greater than the last one seen": PostgreSQL hands out ids
 * when rows are inserted, but transactions commit in any order, so a row with a smaller id can
 * become visible after a larger one. Rows are remembered by id so each is applied once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { PeriodicTask } from '../lib/periodic-task.js';

export interface InvalidationFeedOptions {
  /** How often to look for other processes' changes. */
  intervalMs: number;
  /** How far back each look reaches: longer than any write transaction takes to commit. */
  windowMs: number;
  /** Rows older than this are deleted (by whichever process gets there). */
  retentionMs: number;
}

export const DEFAULT_FEED_OPTIONS: InvalidationFeedOptions = {
  intervalMs: 250,
  windowMs: 15_000,
  retentionMs: 10 * 60_000,
};

export class InvalidationFeed {
  /** Row id -> when it was created (ms), for the rows of the current window. */
  private readonly applied = new Map<number, number>();
  private readonly task: PeriodicTask<void>;
  private lastCleanup = Date.now();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly origin: string,
    private readonly apply: (keys: Set<string>) => void,
    private readonly logger: Logger,
    private readonly options: InvalidationFeedOptions = DEFAULT_FEED_OPTIONS,
  ) {
    this.task = new PeriodicTask(() => this.readChanges(), options.intervalMs);
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One look at the recent changes; concurrent calls share the look in progress. */
  poll(): Promise<void> {
    return this.task.runOnce();
  }

  private async readChanges(): Promise<void> {
    const now = Date.now();
    try {
      const rows = await this.db
        .selectFrom('cache_invalidations')
        .select(['id', 'origin', 'cache_keys', 'created_at'])
        .where('created_at', '>=', new Date(now - this.options.windowMs).toISOString())
        .orderBy('id')
        .execute();
      const keys = new Set<string>();
      for (const row of rows) {
        if (this.applied.has(row.id)) continue;
        this.applied.set(row.id, Date.parse(row.created_at));
        if (row.origin === this.origin) continue; // Applied when it committed.
        for (const key of row.cache_keys.split(' ')) if (key) keys.add(key);
      }
      if (keys.size > 0) this.apply(keys);
      for (const [id, createdAt] of this.applied) {
        if (createdAt < now - this.options.windowMs * 2) this.applied.delete(id);
      }
      if (now - this.lastCleanup > this.options.retentionMs / 10) {
        this.lastCleanup = now;
        await this.db
          .deleteFrom('cache_invalidations')
          .where('created_at', '<', new Date(now - this.options.retentionMs).toISOString())
          .execute();
      }
    } catch (error) {
      // A database hiccup must not stop the feed; the next look reaches back over the gap.
      this.logger.error(`cache invalidation feed: ${(error as Error).message}`);
    }
  }
}
