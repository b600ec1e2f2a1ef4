/**
 * Publishes scheduled articles when their time comes. Every Galley process runs one; the
 * operation it calls publishes each article exactly once however many try. It looks once a
 * second, and once at start, so articles whose time passed while no process was running go live
 * as soon as one starts.
 */
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import { publishDueArticle } from '../core/operations/index.js';
import type { Logger } from '../lib/log.js';
import { PeriodicTask } from '../lib/periodic-task.js';

const BATCH = 100;

export class Scheduler {
  private readonly task: PeriodicTask<number>;

  constructor(
    private readonly core: Core,
    private readonly logger: Logger,
    intervalMs = 1000,
  ) {
    this.task = new PeriodicTask(() => this.publishDue(), intervalMs);
  }

  start(): void {
    this.task.start({ runNow: true });
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Publishes what is due; returns how many this process published. Overlapping calls share one run. */
  runOnce(): Promise<number> {
    return this.task.runOnce();
  }

  private async publishDue(): Promise<number> {
    let published = 0;
    try {
      const due = await this.core.db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'scheduled')
        .where('scheduled_for', '<=', new Date().toISOString())
        .orderBy('scheduled_for')
        .limit(BATCH)
        .execute();
      for (const { id } of due) {
        const result = await runOperation(this.core, publishDueArticle, systemActor('scheduler'), {
          id,
        });
        if (result.isPublished) published++;
      }
    } catch (error) {
      // The next run tries again: the schedule lives in the database.
      this.logger.error(`scheduler: ${(error as Error).message}`);
    }
    return published;
  }
}
