/**
 * `npm run bench`: throughput and latency of the article page, against a bare node:http server
 * that sends the very same bytes, all measured in one run: this machine is shared and noisy, so
 * only ratios within a run mean anything.
 *
 * Each server is its own process, started the way users start Galley (`bin/galley.js serve`),
 * on 127.0.0.1 and a free port. wrk (2 threads, 20 connections, 10 s after a 2 s warm-up)
 * measures, in order:
 *   baseline    bare node:http, the page's bytes and headers prebuilt
 *   warm        Galley with its page cache
 *   cache off   Galley with GALLEY_PAGE_CACHE=0: every request reads the database and renders
 *   baseline    again, so the spread between the two baselines shows the run's noise
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { freePort, startGalley, waitUntilServing } from './bench-servers.js';

const DURATION = process.env['BENCH_DURATION'] ?? '10s';
const CONNECTIONS = process.env['BENCH_CONNECTIONS'] ?? '20';

interface Result {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: string | null;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) return Number.NaN;
  const amount = Number(match[1]);
  return match[2] === 'us' ? amount / 1000 : match[2] === 's' ? amount * 1000 : amount;
}

async function wrk(name: string, url: string, duration = DURATION): Promise<Result> {
  let out: string;
  try {
    ({ stdout: out } = await promisify(execFile)('wrk', [
      '-t2',
      `-c${CONNECTIONS}`,
      `-d${duration}`,
      '--latency',
      url,
    ]));
  } catch (error) {
    throw new Error(
      `wrk failed (the benchmark needs it: apt-get install wrk): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(out)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(out)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`could not read wrk's output:\n${out}`);
  const errors = [/Non-2xx or 3xx responses:\s+\d+/, /Socket errors:.*/]
    .map((pattern) => pattern.exec(out)?.[0])
    .filter(Boolean);
  return {
    name,
    requestsPerSecond: Number(rps),
    p50Ms: toMs(p50),
    p99Ms: toMs(p99),
    errors: errors.join('; ') || null,
  };
}

/** A bare node:http server in its own process, sending the given bytes and headers. */
async function startBaseline(dir: string, body: Buffer, headers: Record<string, string>) {
  const port = await freePort();
  writeFileSync(join(dir, 'page.bin'), body);
  writeFileSync(join(dir, 'headers.json'), JSON.stringify(headers));
  const script = `
    const { readFileSync } = require('node:fs');
    const body = readFileSync(${JSON.stringify(join(dir, 'page.bin'))});
    const headers = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'headers.json'))}, 'utf8'));
    require('node:http').createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
      .listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(origin, child);
  return { origin, child };
}

/** The article with the longest English body: the heaviest page of the demo. */
async function heaviestArticlePath(dataDir: string): Promise<string> {
  const adapter = adapterForUrl(`sqlite:${join(dataDir, 'galley.db')}`);
  const db = adapter.createKysely();
  try {
    const article = await db
      .selectFrom('articles as a')
      .innerJoin('section_translations as st', (join) =>
        join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
      )
      .select(['a.slug', 'st.slug as section'])
      .where('a.locale', '=', 'en')
      .where('a.lead_media_id', 'is not', null)
      .orderBy('a.word_count', 'desc')
      .executeTakeFirstOrThrow();
    return `/en/${article.section}/${article.slug}`;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-'));
  const children: ChildProcess[] = [];
  try {
    const warm = await startGalley(dataDir, {});
    children.push(warm.child);
    const cold = await startGalley(dataDir, { GALLEY_PAGE_CACHE: '0', GALLEY_DEMO: '0' });
    children.push(cold.child);
    const path = await heaviestArticlePath(dataDir);

    // wrk sends no Accept-Encoding, so every case serves the identity encoding; ask for the same.
    const sample = await fetch(warm.origin + path, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await sample.arrayBuffer());
    if (sample.status !== 200) throw new Error(`${path} answered ${sample.status}`);
    const headers: Record<string, string> = {};
    sample.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
        headers[name] = value;
    });
    const bare = await startBaseline(dataDir, body, headers);
    children.push(bare.child);

    // Every case must answer with the very same bytes, or the comparison means nothing.
    for (const origin of [bare.origin, warm.origin, cold.origin]) {
      const check = await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } });
      const bytes = Buffer.from(await check.arrayBuffer());
      if (check.status !== 200 || !bytes.equals(body)) {
        writeFileSync(join(dataDir, 'mismatch.html'), bytes);
        throw new Error(
          `${origin} does not serve the same page (status ${check.status}; body kept in ${dataDir})`,
        );
      }
    }

    console.log(
      `article page ${path}: ${body.length} bytes; wrk -t2 -c${CONNECTIONS} -d${DURATION}\n`,
    );
    const cases: [string, string][] = [
      ['baseline (bare node:http)', bare.origin],
      ['warm cache', warm.origin],
      ['cache off (database + render)', cold.origin],
      ['baseline again', bare.origin],
    ];
    const results: Result[] = [];
    for (const [name, origin] of cases) {
      await wrk(name, origin + path, '2s');
      results.push(await wrk(name, origin + path));
    }

    const [first, warmResult, coldResult, last] = results as [Result, Result, Result, Result];
    const baseline = (first.requestsPerSecond + last.requestsPerSecond) / 2;
    console.log('case                                req/s    p50 ms   p99 ms   x baseline');
    for (const result of results) {
      console.log(
        `${result.name.padEnd(32)} ${result.requestsPerSecond.toFixed(0).padStart(8)} ${result.p50Ms.toFixed(2).padStart(9)} ${result.p99Ms.toFixed(2).padStart(8)} ${(result.requestsPerSecond / baseline).toFixed(3).padStart(10)}${result.errors ? `  (${result.errors})` : ''}`,
      );
    }
    console.log(`\nbaseline: ${baseline.toFixed(0)} req/s (mean of both runs)`);
    console.log(
      `warm cache: ${(warmResult.requestsPerSecond / baseline).toFixed(2)}x baseline (target >= 0.8x)`,
    );
    console.log(
      `cache off:  ${(coldResult.requestsPerSecond / baseline).toFixed(3)}x baseline (target >= 0.1x), p99 ${coldResult.p99Ms.toFixed(2)} ms (target < 10 ms)`,
    );
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

await main();
