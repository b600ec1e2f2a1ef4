/**
 * A flood of error reports against a real Galley server (SQLite, node:http): 1,000 submissions
 * from 50 simulated clients. Clients are told apart by their address, as the server sees it on
 * the socket: each binds its own loopback address (127.0.0.2 ... 127.0.0.51; Linux routes all
 * of 127/8 to the loopback interface).
 *
 * It checks that every accepted report is in the database, that every other answer is a 429,
 * and that readers do not pay for it: the article page's p99 latency during the flood stays
 * within a bound measured before it.
 *
 * The server runs in this process. The attackers and the reader each run in a process of their
 * own, as they would on other machines: the attackers at the lowest CPU priority (`nice -n 19`),
 * so that on a shared two-core machine their own work does not pass for the server's slowness;
 * the reader times its requests from outside, the same way before and during the flood.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../core/error-reports/form-token.js';
import { REPORTS_PER_CLIENT, REPORTS_PER_SITE } from '../../core/error-reports/report-throttle.js';
import type { TestSite } from './browser.js';
import { findBilingualStory, startSite } from './browser.js';

const CLIENTS = 50;
const SUBMISSIONS = 1000;
const PER_CLIENT = SUBMISSIONS / CLIENTS;
/** How long the reader is timed before the flood: longer than the minimum fill time. */
const BEFORE_MS = 4000;
/** The flood must be over within this; it takes one to a few seconds. */
const FLOOD_DEADLINE_MS = 45_000;

let site: TestSite | undefined;

beforeAll(async () => {
  site = await startSite();
}, 120_000);

afterAll(async () => {
  await site?.close();
}, 60_000);

/**
 * Both helpers boot, warm up, say "ready" on stderr and wait for a line on stdin ("go"), so that
 * starting a process (fork, Node's start-up, first-use compilation) happens outside the
 * measured time.
 */
const HANDSHAKE = `
const lines = [];
process.stdin.on('data', (chunk) => lines.push(...chunk.toString().split(String.fromCharCode(10)).filter(Boolean)));
const nextLine = () => new Promise((resolve) => {
  const poll = () => (lines.length > 0 ? resolve(lines.shift()) : setTimeout(poll, 1));
  poll();
});
const ready = () => process.stderr.write('ready' + String.fromCharCode(10));
`;

/**
 * The reader: GETs one page after another on one keep-alive connection, for a duration or
 * until a second line on stdin ("stop").
 */
const READER = `${HANDSHAKE}
const { Agent, request } = require('node:http');
const [origin, path, durationMs] = process.argv.slice(1);
// A reader reads pages, it does not hammer them: one request every couple of milliseconds
// still gives hundreds of samples a second, and leaves the CPU to the server and attackers.
const PAUSE_MS = 2;
const target = new URL(origin);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    request({ host: target.hostname, port: target.port, path, agent, localAddress: '127.0.0.1' },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error('status ' + response.statusCode));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      }).on('error', reject).end();
  });
}
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
(async () => {
  for (let warmUp = 0; warmUp < 20; warmUp++) await get();
  ready();
  await nextLine();
  let stopped = false;
  void nextLine().then(() => (stopped = true));
  const stopAt = Number(durationMs) > 0 ? Date.now() + Number(durationMs) : Infinity;
  const latencies = [];
  while (!stopped && Date.now() < stopAt) {
    latencies.push(await get());
    await pause();
  }
  agent.destroy();
  process.stdout.write(JSON.stringify(latencies), () => process.exit(0));
})();
`;

/**
 * The attackers: 50 clients, each with its own loopback address and keep-alive connection,
 * each sending its 20 reports one after another as fast as answers come.
 */
const ATTACKERS = `${HANDSHAKE}
const { Agent, request } = require('node:http');
const [origin, formPath, formToken, clients, perClient] = process.argv.slice(1);
const target = new URL(origin);
function post(agent, localAddress, body) {
  return new Promise((resolve, reject) => {
    const outgoing = request({
      host: target.hostname, port: target.port, method: 'POST', path: formPath, agent,
      localAddress,
      headers: {
        accept: 'application/json', origin,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
      },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve({
        status: response.statusCode, retryAfter: response.headers['retry-after'] ?? null,
      }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
(async () => {
  ready();
  await nextLine();
  const all = await Promise.all(Array.from({ length: Number(clients) }, async (_, index) => {
    const client = index + 1;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answers = [];
    for (let n = 0; n < Number(perClient); n++) {
      const text = 'Flood report ' + client + '-' + n;
      const body = new URLSearchParams({
        formToken, whatIsWrong: text, passage: '', replyEmail: '', website: '',
      }).toString();
      answers.push({ client, text, ...(await post(agent, '127.0.0.' + (client + 1), body)) });
    }
    agent.destroy();
    return answers;
  }));
  process.stdout.write(JSON.stringify(all.flat()), () => process.exit(0));
})();
`;

interface FloodAnswer {
  client: number;
  text: string;
  status: number;
  retryAfter: string | null;
}

interface Helper<T> {
  /** Resolves once the helper has started and warmed up. */
  ready: Promise<void>;
  /** Sends it a line: the first starts its work, the reader takes the second as "stop". */
  signal: () => void;
  /** What it printed, parsed, once it exits. */
  output: Promise<T>;
}

function helper<T>(command: string[], script: string, args: string[]): Helper<T> {
  const [program = process.execPath, ...prefix] = command;
  const child = spawn(program, [...prefix, '-e', script, ...args], { stdio: 'pipe' });
  let errors = '';
  const ready = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
      if (errors.includes('ready')) resolve();
    });
  });
  const output = new Promise<T>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(text) as T) : reject(new Error(`helper failed: ${errors}`)),
    );
  });
  return { ready, signal: () => child.stdin.write('go\n'), output };
}

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Infinity;
}

/**
 * The p99 before the flood, made comparable with one over `size` samples. Over 1,500 samples
 * the p99 is the 15th-worst; over the flood's 100 to 300 it is the worst or second-worst, so a
 * single hiccup of a shared machine decides it. Cut into windows of `size` samples, the before
 * sample gives p99s of the same kind; the worst of them is the noise the machine made on its
 * own, which the bound must allow.
 */
function windowedP99(latencies: number[], size: number): number {
  let worst = 0;
  for (let start = 0; start + size <= latencies.length; start += size)
    worst = Math.max(worst, p99(latencies.slice(start, start + size)));
  return worst > 0 ? worst : p99(latencies);
}

it('stores every accepted report, answers 429 to the rest, and keeps article pages fast', async () => {
  const target = site as TestSite;
  const story = await findBilingualStory(target.galley);
  const articlePath = story.otherPath;
  const formPath = `/es/contacto?article=${story.otherId}`;

  // One form, as a reader's browser would get it; its token is reused by every simulated client.
  const form = await (await fetch(`${target.origin}${formPath}`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1] as string;
  expect(formToken).toMatch(/^\d+\.\d+\./);

  // Before: the first GET fills the page cache; the sample outlasts the minimum fill time, so
  // the token is old enough when the flood starts.
  expect(BEFORE_MS).toBeGreaterThan(MIN_FILL_MS);
  expect((await fetch(`${target.origin}${articlePath}`)).status).toBe(200);
  const beforeReader = helper<number[]>([], READER, [
    target.origin,
    articlePath,
    String(BEFORE_MS),
  ]);
  await beforeReader.ready;
  beforeReader.signal();
  const before = await beforeReader.output;

  const attackers = helper<FloodAnswer[]>(['nice', '-n', '19', process.execPath], ATTACKERS, [
    target.origin,
    formPath,
    formToken,
    String(CLIENTS),
    String(PER_CLIENT),
  ]);
  const reader = helper<number[]>([], READER, [target.origin, articlePath, '0']);
  await Promise.all([attackers.ready, reader.ready]);
  reader.signal();
  const floodStarted = Date.now();
  attackers.signal();
  const answers = await attackers.output;
  const floodMs = Date.now() - floodStarted;
  reader.signal();
  const during = await reader.output;

  expect(answers).toHaveLength(SUBMISSIONS);
  expect(floodMs).toBeLessThan(FLOOD_DEADLINE_MS);
  const accepted = answers.filter((entry) => entry.status === 200);
  const refused = answers.filter((entry) => entry.status !== 200);
  // Everything that was not accepted was a 429 with Retry-After, and nothing else.
  expect(refused.map((entry) => entry.status)).toEqual(refused.map(() => 429));
  expect(refused.every((entry) => /^\d+$/.test(entry.retryAfter ?? ''))).toBe(true);
  // The limits held: at most five per client, and the site-wide cap.
  const perClient = new Map<number, number>();
  for (const entry of accepted) perClient.set(entry.client, (perClient.get(entry.client) ?? 0) + 1);
  expect(Math.max(...perClient.values())).toBeLessThanOrEqual(REPORTS_PER_CLIENT);
  expect(accepted.length).toBe(Math.min(REPORTS_PER_SITE, CLIENTS * REPORTS_PER_CLIENT));

  // Every accepted report is in the database (committed before its 200 was sent).
  const stored = await target.galley.db
    .selectFrom('error_reports')
    .select('what_is_wrong')
    .where('what_is_wrong', 'like', 'Flood report %')
    .execute();
  const storedTexts = new Set(stored.map((row) => row.what_is_wrong));
  expect(stored).toHaveLength(accepted.length);
  for (const entry of accepted) expect(storedTexts.has(entry.text), entry.text).toBe(true);

  // Readers do not pay for the flood. The bound: five times the p99 before, or 50 ms more
  // than it, whichever is larger (a baseline of a millisecond or two would make 5x a bound that
  // scheduling noise alone breaks on a shared two-core machine). The p99 before is taken over
  // windows as large as the sample during the flood (see windowedP99).
  const beforeP99 = windowedP99(before, during.length);
  const duringP99 = p99(during);
  const bound = Math.max(5 * beforeP99, beforeP99 + 50);
  console.log(
    `error-report flood: ${SUBMISSIONS} POSTs from ${CLIENTS} clients in ${floodMs} ms; ` +
      `${accepted.length} accepted, ${refused.length} refused with 429; article page p99 ` +
      `before ${p99(before).toFixed(2)} ms over ${before.length} GETs ` +
      `(${beforeP99.toFixed(2)} ms in the worst window of ${during.length}), during ` +
      `${duringP99.toFixed(2)} ms over ${during.length} GETs; bound ${bound.toFixed(2)} ms`,
  );
  expect(during.length).toBeGreaterThan(10);
  expect(duringP99).toBeLessThanOrEqual(bound);
}, 120_000);
