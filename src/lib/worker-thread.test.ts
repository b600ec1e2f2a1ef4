import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ThreadClient, isBuilt } from './worker-thread.js';

/** The module as a worker loads it: compiled. `npm test` builds before it runs the tests. */
const COMPILED = new URL('../../dist/lib/worker-thread.js', import.meta.url);

type Task =
  { square: number } | { niceValue: true } | { policy: true } | { fail: string } | { exit: true };

const dir = mkdtempSync(join(tmpdir(), 'galley-worker-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker that squares numbers, reports its own nice value, fails or exits on request. */
function testWorker(): URL {
  const script = join(dir, 'test-worker.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { isWorkerFor, serveTasks, workerSettings } from ${JSON.stringify(COMPILED.href)};
if (isWorkerFor('test-worker')) {
  const { offset } = workerSettings();
  serveTasks(async (task) => {
    if ('square' in task) return task.square * task.square + offset;
    if ('fail' in task) throw new Error(task.fail);
    if ('exit' in task) process.exit(3);
    // Fields 19 (nice) and 41 (scheduling policy) of /proc/thread-self/stat, counted after
    // the name in parentheses.
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number('policy' in task ? fields[38] : fields[16]);
  });
}
`,
  );
  return pathToFileURL(script);
}

describe('ThreadClient', () => {
  it('answers many tasks asked at once, each with its own result, and passes settings', async () => {
    expect(isBuilt(COMPILED), 'dist/ is missing: run npm run build').toBe(true);
    const client = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 1 },
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, n) => client.request({ square: n })),
      );
      expect(results).toEqual(Array.from({ length: 500 }, (_, n) => n * n + 1));
    } finally {
      await client.terminate();
    }
  });

  it('rejects a failed task with its message and goes on with the others', async () => {
    const client = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 0 },
    });
    try {
      const [failed, squared] = await Promise.allSettled([
        client.request({ fail: 'no such story' }),
        client.request({ square: 3 }),
      ]);
      expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'no such story' } });
      expect(squared).toEqual({ status: 'fulfilled', value: 9 });
    } finally {
      await client.terminate();
    }
  });

  it('rejects what is waiting, and what is asked later, when the thread stops', async () => {
    const client = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 0 },
    });
    await expect(client.request({ exit: true })).rejects.toThrow('the worker thread stopped');
    await expect(client.request({ square: 2 })).rejects.toThrow('the worker thread stopped');
    await client.terminate();
  });

  it('settles at most answersPerTurn tasks per turn of the event loop', async () => {
    const client = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 0 },
      answersPerTurn: 10,
      batchWindowMs: 5,
    });
    try {
      // One batch out (within the 5 ms window), so one batch of 40 answers back.
      const settledInTurn: number[] = [];
      // Counts turns: one callback in each check phase, where the slices run too.
      let turn = 0;
      let counting = true;
      const tick = () => {
        turn++;
        if (counting) setImmediate(tick);
      };
      setImmediate(tick);
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          client.request({ square: n }).then(() => settledInTurn.push(turn)),
        ),
      );
      counting = false;
      const perTurn = new Map<number, number>();
      for (const at of settledInTurn) perTurn.set(at, (perTurn.get(at) ?? 0) + 1);
      expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(10);
      expect(perTurn.size).toBeGreaterThanOrEqual(4);
    } finally {
      await client.terminate();
    }
  });

  it.runIf(process.platform === 'linux')('lowers the worker thread’s priority only', async () => {
    const niced = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 0 },
      niceness: 7,
    });
    const plain = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
      data: { offset: 0 },
    });
    try {
      const base = await plain.request({ niceValue: true });
      expect(await niced.request({ niceValue: true })).toBe(Math.min(19, base + 7));
      // The process (this thread) keeps its own.
      const own = readOwnNice();
      expect(own).toBe(base);
    } finally {
      await niced.terminate();
      await plain.terminate();
    }
  });

  it.runIf(process.platform === 'linux')(
    'runs an idle worker thread under SCHED_IDLE',
    async () => {
      const idle = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
        data: { offset: 0 },
        idle: true,
      });
      const plain = new ThreadClient<Task, number>(testWorker(), 'test-worker', {
        data: { offset: 0 },
      });
      try {
        expect(await idle.request({ policy: true })).toBe(SCHED_IDLE);
        expect(await plain.request({ policy: true })).toBe(0); // SCHED_OTHER
        // The process (this thread) keeps its own.
        const stat = readFileSync('/proc/thread-self/stat', 'utf8');
        expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38])).toBe(0);
      } finally {
        await idle.terminate();
        await plain.terminate();
      }
    },
  );
});

/** Linux's number for the SCHED_IDLE policy. */
const SCHED_IDLE = 5;

function readOwnNice(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}
