/**
 * `npm run bench`: throughput and p99 latency of the article page, against a bare node:http
 * server that sends the very same bytes, all measured in one run (this machine is shared and
 * noisy, so only ratios within a run mean anything).
 *
 * Cases, each with wrk (2 threads, 20 connections, 10 s after a 2 s warm-up), on 127.0.0.1 only:
 *   baseline        bare node:http, the page's bytes and headers prebuilt
 *   warm            Galley, page cache on (served by the node-level fast path)
 *   warm-via-hono   Galley's Hono app with the cache on but without the fast path (for reference)
 *   cache-off       Galley, page cache off: every request reads the database and renders
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Config } from '../server/config.js';
import { createGalley } from '../server/create-galley.js';
import { createNodeServer, listen } from '../server/node-server.js';

const DURATION = process.env['BENCH_DURATION'] ?? '10s';
const CONNECTIONS = process.env['BENCH_CONNECTIONS'] ?? '20';

interface Result {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) return Number.NaN;
  const amount = Number(match[1]);
  return match[2] === 'us' ? amount / 1000 : match[2] === 's' ? amount * 1000 : amount;
}

/** Runs wrk as a child process. Asynchronously: the servers under test live in this process. */
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
      `wrk failed (it is needed for the benchmark: apt-get install wrk): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(out)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(out)?.[1];
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`could not read wrk's output:\n${out}`);
  return {
    name,
    requestsPerSecond: Number(rps),
    p50Ms: toMs(p50),
    p99Ms: toMs(p99),
    non2xx: Number(non2xx ?? 0),
  };
}

async function start(server: Server): Promise<string> {
  const port = await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: `sqlite:${join(dataDir, 'galley.db')}`,
    publicUrl: 'http://127.0.0.1',
    loadDemo: true,
    pageCache: true,
  };
  const quiet = { info: () => undefined, error: (message: string) => console.error(message) };
  const warm = await createGalley(config, { logger: quiet });
  const cold = await createGalley(
    { ...config, pageCache: false, loadDemo: false },
    { logger: quiet },
  );

  // The article with the longest English body: the heaviest page of the demo.
  const article = await warm.db
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select(['a.slug', 'st.slug as section'])
    .where('a.locale', '=', 'en')
    .where('a.lead_media_id', 'is not', null)
    .orderBy('a.word_count', 'desc')
    .executeTakeFirstOrThrow();
  const path = `/en/${article.section}/${article.slug}`;

  const warmServer = createNodeServer(warm);
  const warmUrl = await start(warmServer);
  const honoServer = createServer(getRequestListener(warm.app.fetch));
  const honoUrl = await start(honoServer);
  const coldServer = createNodeServer(cold);
  const coldUrl = await start(coldServer);

  // wrk sends no Accept-Encoding, so every case serves the identity encoding; ask for the same.
  const sample = await fetch(warmUrl + path, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await sample.arrayBuffer());
  if (sample.status !== 200) throw new Error(`${path} answered ${sample.status}`);
  const headers: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
      headers[name] = value;
  });
  const bareServer = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  const bareUrl = await start(bareServer);

  console.log(
    `article page ${path}: ${body.length} bytes; wrk -t2 -c${CONNECTIONS} -d${DURATION}\n`,
  );
  const cases: [string, string][] = [
    ['baseline (bare node:http)', bareUrl],
    ['warm cache', warmUrl],
    ['warm cache via Hono, no fast path', honoUrl],
    ['cache off (database + render)', coldUrl],
  ];
  const results: Result[] = [];
  for (const [name, origin] of cases) {
    await wrk(name, origin + path, '2s');
    results.push(await wrk(name, origin + path));
  }
  // The baseline again at the end: the spread between the two shows how noisy this run was.
  results.push(await wrk('baseline again', bareUrl + path));

  const baseline =
    ((results[0]?.requestsPerSecond ?? 0) + (results.at(-1)?.requestsPerSecond ?? 0)) / 2;
  console.log('case                                  req/s     p50 ms   p99 ms   x baseline');
  for (const result of results) {
    console.log(
      `${result.name.padEnd(36)} ${result.requestsPerSecond.toFixed(0).padStart(8)} ${result.p50Ms.toFixed(2).padStart(9)} ${result.p99Ms.toFixed(2).padStart(8)} ${(result.requestsPerSecond / baseline).toFixed(3).padStart(10)}${result.non2xx ? `  (${result.non2xx} non-2xx!)` : ''}`,
    );
  }
  const warmResult = results[1];
  const coldResult = results[3];
  console.log(`\nbaseline (mean of both runs): ${baseline.toFixed(0)} req/s`);
  console.log(
    `targets: warm >= 0.8x baseline -> ${((warmResult?.requestsPerSecond ?? 0) / baseline).toFixed(2)}x; cache off >= 0.1x -> ${((coldResult?.requestsPerSecond ?? 0) / baseline).toFixed(3)}x with p99 ${coldResult?.p99Ms.toFixed(2)} ms (< 10 ms)`,
  );

  for (const server of [warmServer, honoServer, coldServer, bareServer]) server.close();
  await warm.close();
  await cold.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
