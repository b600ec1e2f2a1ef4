/**
 * Group commit for beacon events. Requests put their events in a queue held in memory and wait;
 * every `intervalMs` (or as soon as `batchSize` events wait) one transaction writes everything
 * queued, and each waiting request learns that its events are committed. So a request is
 * answered 204 only once its events are stored (nothing accepted is lost), while the database
 * sees a few transactions a second however many readers send: on SQLite, one commit per event
 * would hold the synchronous driver (and every page waiting behind it) for much longer.
 *
 * The queue is bounded: when it is full, `enqueue` says so at once and the route answers 503,
 * so a flood can neither grow memory nor make requests wait in line.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AnalyticsEventsTable } from '../db/schema-discovery.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../lib/log.js';

export type NewAnalyticsEvent = Omit<Insertable<AnalyticsEventsTable>, 'id'>;

export interface EventWriterOptions {
  /** The longest an event waits before its batch is written. */
  intervalMs?: number;
  /** A batch is written at once when this many events wait. */
  batchSize?: number;
  /** Events held at most (waiting plus being written); beyond it `enqueue` refuses. */
  maxQueued?: number;
}

/**
 * Rows per INSERT statement. A fixed size (plus at most one smaller remainder) keeps the set of
 * distinct statements small, so SQLite's statement cache keeps them prepared; 100 rows of 12
 * columns also stays far below either database's limit on bound parameters.
 */
const ROWS_PER_STATEMENT = 100;

interface Waiting {
  rows: NewAnalyticsEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class EventWriter {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxQueued: number;
  private queue: Waiting[] = [];
  private queuedRows = 0;
  private writingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private isClosed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    options: EventWriterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 25;
    this.batchSize = options.batchSize ?? 1000;
    this.maxQueued = options.maxQueued ?? 20_000;
  }

  /** Events waiting or being written now. */
  get pending(): number {
    return this.queuedRows + this.writingRows;
  }

  /**
   * Queues the rows and resolves once the transaction holding them has committed (rejects if it
   * failed). Returns 'full' at once, queuing nothing, when the queue has no room for them.
   */
  enqueue(rows: NewAnalyticsEvent[]): Promise<void> | 'full' {
    if (this.isClosed || this.pending + rows.length > this.maxQueued) return 'full';
    const committed = new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
    });
    this.queuedRows += rows.length;
    if (this.queuedRows >= this.batchSize) this.writeSoon(0);
    else this.writeSoon(this.intervalMs);
    return committed;
  }

  /** Writes everything queued and refuses new events; for shutdown. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    while (this.queue.length > 0) await this.writeBatch();
  }

  private writeSoon(delayMs: number): void {
    // CASE: a batch is being written; its end schedules the next one.
    if (this.writing) return;
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writeBatch().finally(() => {
        this.writing = undefined;
        if (this.queue.length > 0)
          this.writeSoon(this.queuedRows >= this.batchSize ? 0 : this.intervalMs);
      });
    }, delayMs);
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const rows = batch.flatMap((waiting) => waiting.rows);
    this.queuedRows -= rows.length;
    this.writingRows = rows.length;
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
          await trx
            .insertInto('analytics_events')
            .values(rows.slice(start, start + ROWS_PER_STATEMENT))
            .execute();
      });
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      this.logger.error('analytics: a batch of events could not be written', {
        events: rows.length,
        error: (error as Error).message,
      });
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.writingRows = 0;
    }
  }
}
