/**
 * The analytics rollups and pruning, on a worker thread with its own database connection. On
 * SQLite every query runs on the calling thread: recomputing an hour of a busy site (hundreds of
 * thousands of events) held the server's thread for a second or more, and every page request
 * waited (the article page's p99 went from 0.14 s to 1.4 s under ingest). SQLite's WAL lets this
 * connection read raw events while the server writes new ones; only the swap of an hour's
 * rollup rows takes the write lock, for milliseconds.
 *
 * `RollupWorker` is the server's side; the rest of this file is the worker's.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { pruneAnalytics } from './prune.js';
import { RollupRounds } from './rollup.js';

interface WorkerRequest {
  id: number;
  task: 'rollup' | 'prune';
  /** Epoch milliseconds. */
  now: number;
}

interface WorkerAnswer {
  id: number;
  error?: string;
  prunedEvents?: number;
}

interface WorkerSettings {
  databaseUrl: string;
  retentionDays: number;
}

/** Marks this module's own workers, so it never answers another worker's port (a test runner's). */
const WORKER_MARK = 'galley-rollup-worker';

/** This file compiled, beside this module: there only when running from the build (dist/). */
export const COMPILED_WORKER = new URL('./rollup-worker.js', import.meta.url);

export class RollupWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (answer: WorkerAnswer) => void>();
  private nextId = 1;

  /** A worker running `script` (the compiled worker; tests may name it). */
  constructor(settings: WorkerSettings, script: URL = COMPILED_WORKER) {
    this.worker = new Worker(script, { workerData: { ...settings, mark: WORKER_MARK } });
    this.worker.on('message', (answer: WorkerAnswer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    this.worker.on('error', (error) => this.failAll(error.message));
    this.worker.on('exit', () => this.failAll('the rollup worker stopped'));
  }

  /** Whether the compiled worker exists (it does not when running from TypeScript sources). */
  static isAvailable(script: URL = COMPILED_WORKER): boolean {
    return existsSync(fileURLToPath(script));
  }

  rollUp(now: Date): Promise<void> {
    return this.request('rollup', now).then(() => undefined);
  }

  /** Returns how many raw events were deleted. */
  prune(now: Date): Promise<number> {
    return this.request('prune', now).then((answer) => answer.prunedEvents ?? 0);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private request(task: WorkerRequest['task'], now: Date): Promise<WorkerAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        answer.error === undefined ? resolve(answer) : reject(new Error(answer.error)),
      );
      this.worker.postMessage({ id, task, now: now.getTime() } satisfies WorkerRequest);
    });
  }

  private failAll(message: string): void {
    for (const answer of this.waiting.values()) answer({ id: 0, error: message });
    this.waiting.clear();
  }
}

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) {
  const port = parentPort;
  const settings = workerData as WorkerSettings;
  const db = adapterForUrl(settings.databaseUrl).createKysely();
  const rounds = new RollupRounds(db);
  // One task at a time, in order, as the server's periodic tasks would run them.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        const now = new Date(request.now);
        if (request.task === 'rollup') {
          await rounds.run(now);
          port.postMessage({ id: request.id } satisfies WorkerAnswer);
        } else {
          const pruned = await pruneAnalytics(db, { now, retentionDays: settings.retentionDays });
          port.postMessage({ id: request.id, prunedEvents: pruned.events } satisfies WorkerAnswer);
        }
      } catch (error) {
        port.postMessage({
          id: request.id,
          error: (error as Error).message,
        } satisfies WorkerAnswer);
      }
    });
  });
}
