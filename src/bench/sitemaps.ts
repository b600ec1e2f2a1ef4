/**
 * Sitemaps on 100,000 published articles (SQLite):
 *
 *   npx tsc -p tsconfig.build.json && node --expose-gc dist/bench/sitemaps.js
 *
 * 1. Generates the articles: 50,000 translation pairs (English and Spanish, so every URL carries
 *    hreflang alternates), each with a lead image; 50,000 stories in one month (a full
 *    50,000-URL sitemap) and the other 50,000 spread over the 23 months before it. The publication,
 *    sections and authors go through core operations; the articles are written straight into
 *    the tables in one transaction, bypassing `publishArticle`: a benchmark needs the rows, not
 *    100,000 revisions and change sets, and operations would take minutes.
 * 2. Starts `bin/galley.js serve` on 127.0.0.1, twice: with the page cache (as deployed) and
 *    with GALLEY_PAGE_CACHE=0 (every index request reads the database).
 * 3. Measures, median of 5 unless said otherwise: time to first byte of /robots.txt (the
 *    baseline: a tiny cached document, so the machine's noise shows), of /sitemap.xml, and of
 *    the 50,000-URL monthly sitemap; that sitemap's total time and size; and the server's
 *    resident memory (VmRSS from /proc, sampled every 2 ms) while it streams, against the same
 *    for a ~2,000-URL month. Flat memory means the two peaks are close.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import { createAuthor, createSection, setUpPublication } from '../core/operations/index.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database, NewArticleRow } from '../db/schema.js';
import type { Insertable, Kysely } from 'kysely';
import { loadConfig } from '../server/config.js';
import { createGalley } from '../server/create-galley.js';
import { createNodeServer, listen } from '../server/node-server.js';
import { memoryLogger } from '../lib/log.js';
import { startGalley } from './bench-servers.js';

const TOTAL_ARTICLES = 100_000;
const FULL_MONTH = '2026-06';
const FULL_MONTH_ARTICLES = 50_000;
const OTHER_MONTHS = 23;
const ROWS_PER_INSERT = 500;
const RUNS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The month `back` months before FULL_MONTH, as `YYYY-MM`. */
function monthBefore(back: number): string {
  const [year, month] = FULL_MONTH.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7);
}

async function seed(dataDir: string): Promise<{ smallMonth: string }> {
  const adapter = adapterForUrl(`sqlite:${join(dataDir, 'galley.db')}`);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    const core: Core = { db, listeners: [], origin: 'bench' };
    const actor = systemActor('cli');
    await runOperation(core, setUpPublication, actor, {
      name: 'Bench Gazette',
      timeZone: 'UTC',
      translations: {
        en: { tagline: 'Numbers', description: '' },
        es: { tagline: 'Cifras', description: '' },
      },
    });
    const sections: number[] = [];
    for (const [en, es] of [
      ['city', 'ciudad'],
      ['port', 'puerto'],
      ['climate', 'clima'],
      ['culture', 'cultura'],
    ] as const) {
      const { id } = await runOperation(core, createSection, actor, {
        translations: { en: { name: en, slug: en }, es: { name: es, slug: es } },
      });
      sections.push(id);
    }
    await runOperation(core, createAuthor, actor, {
      slug: 'bench-writer',
      name: 'Bench Writer',
      translations: { en: { title: '', bio: '' }, es: { title: '', bio: '' } },
    });
    const media = await insertMedia(db);
    return { smallMonth: await insertArticles(db, sections, media) };
  } finally {
    await db.destroy();
  }
}

async function insertMedia(db: Kysely<Database>): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < 20; index++) {
    const row = await db
      .insertInto('media')
      .values({
        kind: 'image',
        path: `bench/photo-${index}-1600.jpg`,
        mime: 'image/jpeg',
        width: 1600,
        height: 900,
        variants: JSON.stringify(
          [480, 800, 1200, 1600].flatMap((width) => [
            {
              path: `bench/photo-${index}-${width}.webp`,
              width,
              height: (width * 9) / 16,
              mime: 'image/webp',
            },
            {
              path: `bench/photo-${index}-${width}.jpg`,
              width,
              height: (width * 9) / 16,
              mime: 'image/jpeg',
            },
          ]),
        ),
        source_agency: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/**
 * Straight into `articles`, in one transaction (see the file comment). Returns a month of the
 * spread-out part, which holds about 2,000 stories.
 */
async function insertArticles(
  db: Kysely<Database>,
  sections: number[],
  media: number[],
): Promise<string> {
  const pairs = TOTAL_ARTICLES / 2;
  const fullPairs = FULL_MONTH_ARTICLES / 2;
  const [fullYear, fullMonth] = FULL_MONTH.split('-').map(Number) as [number, number];
  const fullStart = Date.UTC(fullYear, fullMonth - 1, 1);
  const fullSpan = Date.UTC(fullYear, fullMonth, 1) - fullStart;
  const otherStart = Date.UTC(fullYear, fullMonth - 1 - OTHER_MONTHS, 1);
  const otherSpan = fullStart - otherStart;
  const body = JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bench.' }] }],
  });
  await db.transaction().execute(async (trx) => {
    let rows: Insertable<Database['articles']>[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const inFullMonth = pair < fullPairs;
      const offset = inFullMonth
        ? Math.floor(((pair + 0.5) / fullPairs) * fullSpan)
        : Math.floor(((pair - fullPairs + 0.5) / (pairs - fullPairs)) * otherSpan);
      const published = new Date((inFullMonth ? fullStart : otherStart) + offset).toISOString();
      const updated = new Date(Date.parse(published) + 3600_000).toISOString();
      const group = `bench-${pair}`;
      for (const locale of ['en', 'es'] as const) {
        const row: NewArticleRow = {
          locale,
          translation_group: group,
          headline: `${locale === 'en' ? 'Story' : 'Nota'} ${pair}`,
          dek: '',
          slug: `${locale === 'en' ? 'story' : 'nota'}-${pair}`,
          section_id: sections[pair % sections.length] as number,
          type: 'news',
          body,
          word_count: 1,
          lead_media_id: media[pair % media.length] as number,
          status: 'published',
          published_at: published,
          updated_at: updated,
          created_at: published,
          version: 1,
        };
        rows.push(row);
      }
      if (rows.length >= ROWS_PER_INSERT) {
        await trx.insertInto('articles').values(rows).execute();
        rows = [];
      }
    }
    if (rows.length > 0) await trx.insertInto('articles').values(rows).execute();
  });
  return monthBefore(12);
}

interface Timing {
  status: number;
  ttfbMs: number;
  totalMs: number;
  bytes: number;
  urls: number;
}

/**
 * One GET through node:http (fetch buffers and adds its own work): time to the first body byte,
 * time to the last, bytes, and `<url>` count. Chunks are counted and dropped, never kept.
 */
function timedGet(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    let ttfbMs = Number.NaN;
    let bytes = 0;
    let urls = 0;
    let tail = '';
    const req = request(
      `${origin}${path}`,
      { headers: { 'accept-encoding': 'identity', ...headers } },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          if (Number.isNaN(ttfbMs)) ttfbMs = ms();
          bytes += chunk.length;
          // Count `<url>` across chunk boundaries without keeping the document.
          const text = tail + chunk.toString('latin1');
          urls += text.split('<url>').length - 1;
          tail = text.slice(-4);
          if (tail.includes('<url')) tail = text.slice(-5);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: ms(), bytes, urls }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The server's resident memory in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Runs `work` while sampling the server's RSS every 2 ms; returns the rise over the start. */
async function peakRssDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; baseMb: number; peakMb: number }> {
  const base = rssOf(pid);
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, rssOf(pid));
    return { result, baseMb: base / 2 ** 20, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The same streams from a Galley in this process (page cache off), where the V8 heap can be
 * read: heap used sampled every 2 ms (garbage included), and heap retained, read after a forced
 * GC every 50 ms (what the stream really holds). Needs --expose-gc.
 */
async function heapWhileStreaming(dataDir: string, cases: [string, string][]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log('\n(run with node --expose-gc for the in-process heap figures)');
    return;
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: 'https://bench.galley.test',
    GALLEY_DEMO: '0',
    GALLEY_PAGE_CACHE: '0',
  });
  const galley = await createGalley(config, { logger: memoryLogger() });
  const server = createNodeServer(galley);
  const port = await listen(server, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  try {
    await timedGet(origin, cases[0]?.[1] ?? '/'); // warm up: prepared queries, JIT
    console.log(
      '\nin-process heap while streaming       start MB  peak used  peak retained (MB over start)',
    );
    for (const [name, path] of cases) {
      gc();
      const start = process.memoryUsage().heapUsed;
      let peakUsed = start;
      let peakRetained = start;
      const sampler = setInterval(() => {
        peakUsed = Math.max(peakUsed, process.memoryUsage().heapUsed);
      }, 2);
      const collector = setInterval(() => {
        gc();
        peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed);
      }, 50);
      try {
        await timedGet(origin, path);
      } finally {
        clearInterval(sampler);
        clearInterval(collector);
      }
      const mb = (bytes: number) => bytes / 2 ** 20;
      console.log(
        `${name.padEnd(36)} ${fmt(mb(start))} ${fmt(mb(peakUsed - start))} ${fmt(mb(peakRetained - start))}`,
      );
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await galley.close();
  }
}

const fmt = (value: number, digits = 1) => value.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'galley-bench-sitemaps-'));
  const children: ChildProcess[] = [];
  try {
    let started = Date.now();
    const { smallMonth } = await seed(dataDir);
    console.log(
      `generated ${TOTAL_ARTICLES} published articles in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    started = Date.now();
    const cached = await startGalley(dataDir, { GALLEY_DEMO: '0' });
    children.push(cached.child);
    const uncached = await startGalley(dataDir, { GALLEY_DEMO: '0', GALLEY_PAGE_CACHE: '0' });
    children.push(uncached.child);
    console.log(`started two servers in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const fullPath = `/sitemaps/articles-${FULL_MONTH}.xml`;
    const smallPath = `/sitemaps/articles-${smallMonth}.xml`;
    const rows: [string, Timing[]][] = [];
    const measure = async (
      name: string,
      origin: string,
      path: string,
      runs = RUNS,
      headers: Record<string, string> = {},
    ) => {
      const timings: Timing[] = [];
      for (let run = 0; run < runs; run++) {
        const timing = await timedGet(origin, path, headers);
        if (timing.status !== 200) throw new Error(`${path} answered ${timing.status}`);
        timings.push(timing);
      }
      rows.push([name, timings]);
      return timings;
    };

    // The index's first request on a fresh process renders it; later ones come from the cache.
    await measure('sitemap.xml, first request (renders)', cached.origin, '/sitemap.xml', 1);
    await measure('robots.txt (baseline)', cached.origin, '/robots.txt');
    await measure('sitemap.xml, page cache', cached.origin, '/sitemap.xml');
    await measure('sitemap.xml, cache off', uncached.origin, '/sitemap.xml');
    const full = await measure(`${FULL_MONTH} (50,000 URLs)`, uncached.origin, fullPath);
    await measure(`${FULL_MONTH} gzip`, uncached.origin, fullPath, 3, {
      'accept-encoding': 'gzip',
    });
    const small = await measure(`${smallMonth} (small month)`, uncached.origin, smallPath);
    await measure('robots.txt (baseline again)', cached.origin, '/robots.txt');

    console.log(
      'request                                    TTFB ms  total ms     bytes      URLs   (median)',
    );
    for (const [name, timings] of rows) {
      console.log(
        `${name.padEnd(40)} ${fmt(median(timings.map((t) => t.ttfbMs)), 2)} ${fmt(median(timings.map((t) => t.totalMs)))} ${String(timings[0]?.bytes ?? 0).padStart(9)} ${String(timings[0]?.urls ?? 0).padStart(9)}`,
      );
    }
    if (full[0]?.urls !== FULL_MONTH_ARTICLES)
      throw new Error(
        `the full month listed ${full[0]?.urls} URLs, expected ${FULL_MONTH_ARTICLES}`,
      );

    // Memory: the streaming server's RSS while it sends each month, after a settle.
    const pid = uncached.child.pid as number;
    const memory: [string, { baseMb: number; peakMb: number }][] = [];
    for (const [name, path] of [
      [`${FULL_MONTH} (${full[0]?.urls ?? 0} URLs)`, fullPath],
      [`${smallMonth} (${small[0]?.urls ?? 0} URLs)`, smallPath],
      [`${FULL_MONTH} again`, fullPath],
    ] as const) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      memory.push([name, await peakRssDuring(pid, () => timedGet(uncached.origin, path))]);
    }
    console.log('\nserver RSS while streaming            start MB   peak MB   rise MB');
    for (const [name, { baseMb, peakMb }] of memory) {
      console.log(`${name.padEnd(36)} ${fmt(baseMb)} ${fmt(peakMb)} ${fmt(peakMb - baseMb)}`);
    }
    await heapWhileStreaming(dataDir, [
      [`${FULL_MONTH} (50,000 URLs)`, fullPath],
      [`${smallMonth} (small month)`, smallPath],
    ]);
    const fullBytes = full[0]?.bytes ?? 0;
    console.log(
      `\nfor scale: the 50,000-URL document is ${(fullBytes / 2 ** 20).toFixed(1)} MB; held whole as a JS string it would take about ${((fullBytes * 2) / 2 ** 20).toFixed(0)} MB more (UTF-16), before any Buffer copy.`,
    );
  } finally {
    for (const child of children) child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
