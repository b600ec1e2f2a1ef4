/**
 * The analytics rollups and pruning, on a worker thread with its own database connection. On
 * SQLite every query runs on the calling thread: recomputing an hour of a busy site (hundreds of
 * thousands of events) held the server's thread for a second or more, and every page request
 * waited (the article page's p99 went from 0.14 s to 1.4 s under ingest). Rounds now fold only
 * the events since the last one (rollup.ts), but a busy site's 15 s of events, or the backlog
 * after a stop, is still work no page should wait behind. SQLite's WAL lets this connection read
 * raw events while the server writes new ones; only the fold's short transaction takes the
 * write lock, for milliseconds. The thread runs under SCHED_IDLE (nice +10 where that cannot
 * be set), so on a busy machine pages are served first.
 *
 * `RollupWorker` is the server's side; the end of this file is the worker's.
 */
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import {
  ThreadClient,
  isBuilt,
  isWorkerFor,
  serveTasks,
  workerSettings,
} from '../lib/worker-thread.js';
import { pruneAnalytics } from './prune.js';
import { foldEvents } from './rollup.js';

interface RollupTask {
  task: 'rollup' | 'prune';
  /** Epoch milliseconds. */
  now: number;
}

interface RollupSettings {
  databaseUrl: string;
  retentionDays: number;
}

const WORKER_MARK = 'galley-rollup-worker';

/** How far below the server's threads the analytics threads run where SCHED_IDLE cannot be
 * set (nice value, Linux). */
export const ANALYTICS_THREAD_NICENESS = 10;

/** This file compiled, beside this module: there only when running from the build (dist/). */
export const COMPILED_WORKER = new URL('./rollup-worker.js', import.meta.url);

export class RollupWorker {
  private readonly thread: ThreadClient<RollupTask, number>;

  /** A worker running `script` (the compiled worker; tests may name it). */
  constructor(settings: RollupSettings, script: URL = COMPILED_WORKER) {
    this.thread = new ThreadClient(script, WORKER_MARK, {
      data: settings,
      niceness: ANALYTICS_THREAD_NICENESS,
      idle: true,
    });
  }

  static isAvailable(script: URL = COMPILED_WORKER): boolean {
    return isBuilt(script);
  }

  async rollUp(now: Date): Promise<void> {
    await this.thread.request({ task: 'rollup', now: now.getTime() });
  }

  /** Returns how many raw events were deleted. */
  prune(now: Date): Promise<number> {
    return this.thread.request({ task: 'prune', now: now.getTime() });
  }

  close(): Promise<void> {
    return this.thread.terminate();
  }
}

if (isWorkerFor(WORKER_MARK)) {
  const settings = workerSettings<RollupSettings>();
  const db = adapterForUrl(settings.databaseUrl).createKysely();
  // One task at a time, in order, as the server's periodic tasks would run them.
  let queue: Promise<unknown> = Promise.resolve();
  serveTasks<RollupTask, number>((request) => {
    const now = new Date(request.now);
    const done = queue.then(async () => {
      if (request.task === 'rollup') {
        return (await foldEvents(db, now)).slices;
      }
      return (await pruneAnalytics(db, { now, retentionDays: settings.retentionDays })).events;
    });
    queue = done.catch(() => undefined);
    return done;
  });
}
