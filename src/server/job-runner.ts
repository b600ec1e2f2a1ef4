/**
 * Runs the persisted jobs (core/jobs/job-queue.ts) in every Galley process: once a second, and
 * once at start so work left by a stopped process is picked up at once. Each claimed attempt runs
 * in exactly one process; a failure is retried with back-off; a slow job never blocks anything
 * but its own worker slot.
 */
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { claimDueJobs, completeJob, failJobAttempt } from '../core/jobs/job-queue.js';
import type { ClaimedJob } from '../core/jobs/job-queue.js';
import { WEBHOOK_JOB } from '../core/webhooks/webhook-events.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { PeriodicTask } from '../lib/periodic-task.js';
import { runWebhookJob } from '../webhooks/webhook-job.js';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobRunnerOptions {
  intervalMs?: number;
  /** How long a claim holds; longer than any job may take (webhooks give up after 10 s). */
  leaseMs?: number;
  batch?: number;
  /** Webhook deliveries' deadline (tests shorten it). */
  webhookTimeoutMs?: number;
}

export class JobRunner {
  private readonly task: PeriodicTask<number>;
  readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly handlers: Record<string, JobHandler>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.task = new PeriodicTask(() => this.runDue(), options.intervalMs ?? 1000);
    this.handlers = {
      [WEBHOOK_JOB]: (job) => runWebhookJob(db, job, { timeoutMs: options.webhookTimeoutMs }),
    };
  }

  start(): void {
    this.task.start({ runNow: true });
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Runs what is due now; returns how many jobs this process ran. */
  runOnce(): Promise<number> {
    return this.task.runOnce();
  }

  private async runDue(): Promise<number> {
    let ran = 0;
    try {
      const jobs = await claimDueJobs(this.db, this.worker, {
        now: new Date(),
        leaseMs: this.options.leaseMs ?? 60_000,
        limit: this.options.batch ?? 10,
      });
      // A batch runs side by side: one slow receiver does not hold up the others.
      await Promise.all(jobs.map((job) => this.run(job)));
      ran = jobs.length;
    } catch (error) {
      this.logger.error(`jobs: ${(error as Error).message}`);
    }
    return ran;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job);
      await completeJob(this.db, job, this.worker, new Date());
    } catch (error) {
      const result = await failJobAttempt(
        this.db,
        job,
        this.worker,
        (error as Error).message,
        new Date(),
      );
      this.logger.error(
        `job ${job.id} (${job.kind}) attempt ${job.attempt}: ${(error as Error).message}; ${result}`,
      );
    }
  }
}
