/**
 * Tasks handed to a worker thread and answered by it, in batches. A busy caller (the beacon
 * route hands over thousands of tasks a second) would otherwise pay a message, and wake the other
 * thread, per task: tasks asked for in one turn of the event loop travel as one message, and the
 * answers ready in one turn of the worker's loop come back as one.
 *
 * Each worker module exports its client class (built on `ThreadClient`) and, at its end, serves
 * tasks when it is loaded as that worker (`isWorkerFor` then `serveTasks`).
 *
 * @example
 * // squares-worker.ts
 * export const squares = () => new ThreadClient<number, number>(new URL(import.meta.url), MARK);
 * if (isWorkerFor(MARK)) serveTasks<number, number>(async (n) => n * n);
 * // elsewhere
 * await squares().request(7); // 49
 */
import { existsSync, readlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getPriority, setPriority } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

interface TaskMessage<Task> {
  id: number;
  task: Task;
}

interface AnswerMessage<Result> {
  id: number;
  result?: Result;
  error?: string;
}

interface WorkerSettings {
  /** Which worker module this thread runs: a module never serves another's thread. */
  mark: string;
  /** Added to the thread's nice value (Linux); 0 leaves it as the process's. */
  niceness: number;
  /** Whether the thread runs under SCHED_IDLE (Linux), see `ThreadClientOptions.idle`. */
  idle: boolean;
}

export interface ThreadClientOptions {
  /** Data the worker reads as `workerSettings()`: plain, cloneable values. */
  data?: object;
  /**
   * How much less CPU the thread claims when the machine is busy: its nice value is raised by
   * this much (Linux threads have their own). Background work (analytics) yields to serving.
   */
  niceness?: number;
  /**
   * Whether the thread runs only on CPU time no other thread wants (Linux SCHED_IDLE), the
   * nice value staying as the fallback where that cannot be set. A nice value alone does not
   * keep background work from delaying a request: measured on Linux 6.18, a busy loop at nice
   * 19 using most of one of two cores raised a cached page's p99 to 1.5x, where the same loop
   * under SCHED_IDLE left it unchanged (0.97x). The scheduler lets a running thread finish its
   * time slice before a woken one of higher weight runs, unless the running one is SCHED_IDLE.
   * The cost: on a machine whose every core is busy, the thread waits until one is free.
   */
  idle?: boolean;
  /**
   * How long a task may wait for others to travel with it. 0 sends what one turn of the event
   * loop asked for; under a flood, that is a message (a copy and a wake-up of the other thread)
   * for every few tasks.
   */
  batchWindowMs?: number;
  /** Tasks settled per turn of this thread's event loop, at most (see `settle`). */
  answersPerTurn?: number;
}

export class ThreadClient<Task, Result> {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (result: Result) => void; reject: (error: Error) => void }
  >();
  private outgoing: TaskMessage<Task>[] = [];
  private readonly answersPerTurn: number;
  private readonly batchWindowMs: number;
  private nextId = 1;
  private stopped: string | undefined;

  constructor(script: URL, mark: string, options: ThreadClientOptions = {}) {
    const settings: WorkerSettings = {
      mark,
      niceness: options.niceness ?? 0,
      idle: options.idle ?? false,
    };
    this.worker = new Worker(script, { workerData: { ...options.data, ...settings } });
    this.answersPerTurn = options.answersPerTurn ?? Infinity;
    this.batchWindowMs = options.batchWindowMs ?? 0;
    this.worker.on('message', (answers: AnswerMessage<Result>[]) => this.settle(answers, 0));
    this.worker.on('error', (error) => this.failAll(error.message));
    this.worker.on('exit', () => this.failAll('the worker thread stopped'));
  }

  /** Tasks asked and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  /** The task's result, once the worker has done it; rejects if it failed or the thread died. */
  request(task: Task): Promise<Result> {
    if (this.stopped !== undefined) return Promise.reject(new Error(this.stopped));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.outgoing.length === 0)
        if (this.batchWindowMs > 0) setTimeout(() => this.flush(), this.batchWindowMs);
        else setImmediate(() => this.flush());
      this.outgoing.push({ id, task });
    });
  }

  async terminate(): Promise<void> {
    this.flush();
    await this.worker.terminate();
  }

  /**
   * Settles the tasks `answers` names, `answersPerTurn` at a time: what callers do with the
   * results (the beacon route writes a response each) would otherwise run in one block, and
   * everything else this thread serves would wait behind all of it.
   */
  private settle(answers: AnswerMessage<Result>[], from: number): void {
    const end = Math.min(answers.length, from + this.answersPerTurn);
    for (const answer of answers.slice(from, end)) {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.error === undefined) waiting?.resolve(answer.result as Result);
      else waiting?.reject(new Error(answer.error));
    }
    if (end < answers.length) setImmediate(() => this.settle(answers, end));
  }

  private flush(): void {
    if (this.outgoing.length === 0) return;
    const batch = this.outgoing;
    this.outgoing = [];
    this.worker.postMessage(batch);
  }

  private failAll(message: string): void {
    this.stopped = message;
    for (const waiting of this.waiting.values()) waiting.reject(new Error(message));
    this.waiting.clear();
  }
}

/**
 * Whether a worker module's compiled script exists: it does when running from the build (dist/),
 * not from TypeScript sources (the tests), where the work runs on the calling thread instead.
 */
export const isBuilt = (script: URL): boolean => existsSync(fileURLToPath(script));

/** Whether this thread is a worker started by a `ThreadClient` with `mark`. */
export function isWorkerFor(mark: string): boolean {
  return !isMainThread && (workerData as Partial<WorkerSettings> | null)?.mark === mark;
}

/** The `data` the client passed, in the worker. */
export function workerSettings<Data extends object>(): Data {
  return workerData as Data;
}

/**
 * Answers the client's tasks with `handle`, several at once (a handler that must take tasks one
 * at a time queues them itself). Lowers the thread's priority first when the client asked.
 */
export function serveTasks<Task, Result>(handle: (task: Task) => Promise<Result>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const { niceness, idle } = workerData as WorkerSettings;
  if (niceness > 0) lowerThreadPriority(niceness);
  if (idle) runWhenIdle();
  let outgoing: AnswerMessage<Result>[] = [];
  const answer = (message: AnswerMessage<Result>) => {
    if (outgoing.length === 0)
      setImmediate(() => {
        const batch = outgoing;
        outgoing = [];
        port.postMessage(batch);
      });
    outgoing.push(message);
  };
  port.on('message', (tasks: TaskMessage<Task>[]) => {
    for (const { id, task } of tasks)
      handle(task).then(
        (result) => answer({ id, result }),
        (error: unknown) =>
          answer({ id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

/**
 * Raises the calling thread's nice value by `niceness`. On Linux each thread has its own, and
 * `setpriority` given a thread's id changes that thread only; `/proc/thread-self` names it.
 * Elsewhere (or if the kernel refuses) the thread keeps its priority: returns false.
 */
export function lowerThreadPriority(niceness: number): boolean {
  const threadId = currentThreadId();
  if (threadId === undefined) return false;
  try {
    setPriority(threadId, Math.min(19, getPriority(threadId) + niceness));
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the calling thread under SCHED_IDLE (Linux): it runs when no other thread wants the CPU
 * (the kernel still gives it a minimal share, so it is never starved outright). Node has no call
 * for it, so util-linux's `chrt` (part of every Debian system) sets it, once, as the thread
 * starts. Returns false where it could not (no `chrt`, not Linux).
 */
export function runWhenIdle(): boolean {
  const threadId = currentThreadId();
  if (threadId === undefined) return false;
  try {
    execFileSync('chrt', ['--idle', '--pid', '0', String(threadId)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The kernel's id of the calling thread (Linux: `/proc/thread-self` names it). */
function currentThreadId(): number | undefined {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(threadId) ? threadId : undefined;
  } catch {
    return undefined;
  }
}
