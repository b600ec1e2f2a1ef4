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
import { VIDEO_PROCESSING_JOB } from '../core/operations/videos.js';
import { WEBHOOK_JOB } from '../core/webhooks/webhook-events.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { PeriodicTask } from '../lib/periodic-task.js';
import { runVideoJob } from '../media/video-processing.js';
import type { VideoJobContext } from '../media/video-processing.js';
import { runWebhookJob } from '../webhooks/webhook-job.js';

/**
 * `signal` aborts when this process no longer holds the job (its lease went to another);
 * `claimedAt` is when this process claimed it (every change that queued it committed before).
 */
export type JobHandler = (
  job: ClaimedJob,
  lease: { signal: AbortSignal; claimedAt: Date },
) => Promise<void>;

export interface JobRunnerOptions {
  intervalMs?: number;
  /** How long a claim holds; longer than any job may take (webhooks give up after 10 s). */
  leaseMs?: number;
  batch?: number;
  /** Webhook deliveries' deadline (tests shorten it). */
  webhookTimeoutMs?: number;
  /** Video processing (absent when ffmpeg is missing: then a video job's attempt fails here). */
  video?: VideoJobContext;
  /** More kinds, from the composition root (recommendations need the core's listeners). */
  handlers?: Record<string, JobHandler>;
}

/**
 * Kinds that may run for minutes (a transcode). They run one at a time beside the claiming
 * loop, so webhooks keep going out meanwhile, and two transcodes never share the CPU.
 */
const LONG_RUNNING_KINDS = new Set([VIDEO_PROCESSING_JOB]);

export class JobRunner {
  private readonly task: PeriodicTask<number>;
  readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly handlers: Record<string, JobHandler>;
  private longRunning: Promise<void> = Promise.resolve();
  private stopping = new AbortController();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.task = new PeriodicTask(() => this.runDue(), options.intervalMs ?? 1000);
    this.handlers = {
      [WEBHOOK_JOB]: (job) => runWebhookJob(db, job, { timeoutMs: options.webhookTimeoutMs }),
    };
    const video = options.video;
    if (video) this.handlers[VIDEO_PROCESSING_JOB] = (job, lease) => runVideoJob(video, job, lease);
    Object.assign(this.handlers, options.handlers);
  }

  start(): void {
    this.task.start({ runNow: true });
  }

  async stop(): Promise<void> {
    // A transcode in progress is dropped, not finished: its lease runs out and the next
    // process to claim the job starts it again.
    this.stopping.abort();
    await this.task.stop();
    await this.longRunning;
    // Stopped is not closed: tests still call runOnce() on a stopped runner.
    this.stopping = new AbortController();
  }

  /** Runs what is due now; returns how many jobs this process ran. */
  runOnce(): Promise<number> {
    return this.task.runOnce();
  }

  private async runDue(): Promise<number> {
    let ran = 0;
    try {
      const claimedAt = new Date();
      const jobs = await claimDueJobs(this.db, this.worker, {
        now: claimedAt,
        leaseMs: this.options.leaseMs ?? 60_000,
        limit: this.options.batch ?? 10,
      });
      // A batch runs side by side: one slow receiver does not hold up the others.
      const long = jobs.filter((job) => LONG_RUNNING_KINDS.has(job.kind));
      for (const job of long)
        this.longRunning = this.longRunning.then(() => this.run(job, claimedAt));
      await Promise.all(
        jobs.filter((job) => !long.includes(job)).map((job) => this.run(job, claimedAt)),
      );
      ran = jobs.length;
    } catch (error) {
      this.logger.error(`jobs: ${(error as Error).message}`);
    }
    return ran;
  }

  private async run(job: ClaimedJob, claimedAt: Date): Promise<void> {
    const handler = this.handlers[job.kind];
    const lease = new AbortController();
    const leaseMs = this.options.leaseMs ?? 60_000;
    // Keep the claim while the job runs, however long it takes; give up the work at once if
    // another process took the job (this one was presumed dead) or this process is stopping.
    const keepLease = setInterval(() => {
      void this.extendLease(job, leaseMs).then((isHeld) => isHeld || lease.abort());
    }, leaseMs / 3);
    const onStop = () => lease.abort();
    const stopping = this.stopping.signal;
    stopping.addEventListener('abort', onStop);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      if (stopping.aborted) return;
      await handler(job, { signal: lease.signal, claimedAt });
      await completeJob(this.db, job, this.worker, new Date());
    } catch (error) {
      if (lease.signal.aborted) return;
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
    } finally {
      clearInterval(keepLease);
      stopping.removeEventListener('abort', onStop);
    }
  }

  /** Pushes the lease forward; false when this process no longer holds the job. */
  private async extendLease(job: ClaimedJob, leaseMs: number): Promise<boolean> {
    try {
      const result = await this.db
        .updateTable('jobs')
        .set({ locked_until: new Date(Date.now() + leaseMs).toISOString() })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.worker)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    } catch {
      // A database hiccup is not a lost lease; the next beat tries again.
      return true;
    }
  }
}
