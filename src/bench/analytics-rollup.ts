/**
 * `npm run bench:rollup`: what one analytics rollup round costs on a busy hour, on SQLite and
 * PostgreSQL (BENCH_ROLLUP_DIALECT=sqlite|postgres|both, default both).
 *
 * The table holds BENCH_ROLLUP_EVENTS raw events (default 600,000) received over the first 50
 * minutes of one hour, generated here: 10% views, 70% engagement heartbeats, 15% scroll, 5%
 * Recommended-block events, from 5,000 visitors on 50 articles in two languages.
 *
 * - A round now folds the events since the last round (analytics/rollup.ts): the last 15 s.
 * - Baseline, in the same run: the work a round did before folding, every minute, recounting the
 *   hour so far from its raw events, here the whole 50 minutes. It is measured with the same
 *   queries, folding the hour from its start.
 *
 * Each is timed several times (the watermark is put back before each run; the counts it adds
 * are not what is measured) and the median is reported, with the ratio.
 *
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/analytics-rollup.js`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { FOLD_LAG_MS, foldEvents } from '../analytics/rollup.js';
import type { NewAnalyticsEvent } from '../analytics/event-writer.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import type { DialectName } from '../db/dialects/dialect-adapter.js';
import {
  createTestDatabase,
  probePostgres,
} from '../db/dialects/postgres/postgres-test-database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';

const EVENTS = Number(process.env['BENCH_ROLLUP_EVENTS'] ?? 600_000);
const HOUR = Date.parse('2026-11-02T10:00:00.000Z');
const SPAN_MS = 50 * 60_000;
const ROUND_MS = 15_000;
const VISITORS = 5_000;
const ARTICLES = 50;

/** A small deterministic generator, so both databases get the same events. */
function* generatedEvents(count: number): Generator<NewAnalyticsEvent> {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < count; i++) {
    const article = 1 + Math.floor(next() * ARTICLES);
    const roll = next();
    const kind =
      roll < 0.1
        ? 'view'
        : roll < 0.8
          ? 'engaged'
          : roll < 0.95
            ? 'scroll'
            : roll < 0.99
              ? 'rec_impression'
              : 'rec_click';
    yield {
      received_at: new Date(HOUR + Math.floor((i / count) * SPAN_MS)).toISOString(),
      kind,
      visitor: `visitor-${Math.floor(next() * VISITORS)}`,
      article_id: article,
      locale: article % 2 === 0 ? 'es' : 'en',
      section_id: 1 + (article % 5),
      path: `/story-${article}`,
      referrer_domain: kind === 'view' && next() < 0.3 ? 'search.example' : '',
      utm_campaign: kind === 'view' && next() < 0.1 ? 'newsletter' : '',
      value: kind === 'engaged' ? 5 : kind === 'scroll' ? 1 + Math.floor(next() * 4) : 0,
      target_article_id: kind.startsWith('rec_') ? 1 + Math.floor(next() * ARTICLES) : null,
    };
  }
}

async function load(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // 11 columns a row: 500 rows stay under both databases' limits on bound parameters.
    let batch: NewAnalyticsEvent[] = [];
    for (const event of generatedEvents(EVENTS)) {
      batch.push(event);
      if (batch.length === 500) {
        await trx.insertInto('analytics_events').values(batch).execute();
        batch = [];
      }
    }
    if (batch.length > 0) await trx.insertInto('analytics_events').values(batch).execute();
  });
}

/** Milliseconds for a round that folds from `from` to `to`, the median of `runs`. */
async function medianRound(
  db: Kysely<Database>,
  from: number,
  to: number,
  runs: number,
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await db
      .updateTable('analytics_rollup_state')
      .set({ folded_until: new Date(from).toISOString() })
      .execute();
    const start = performance.now();
    await foldEvents(db, new Date(to + FOLD_LAG_MS));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

export async function benchRollup(dialect: DialectName): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'galley-bench-rollup-'));
  const postgres = dialect === 'postgres' ? await createTestDatabase() : null;
  const adapter = adapterForUrl(postgres?.url ?? `sqlite:${join(dir, 'galley.db')}`);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    const loadStart = performance.now();
    await load(db);
    console.log(
      `\n${dialect}: ${EVENTS.toLocaleString('en')} events over 50 minutes of one hour, written in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );
    const end = HOUR + SPAN_MS;
    const recount = await medianRound(db, HOUR, end, 3);
    const fold = await medianRound(db, end - ROUND_MS, end, 15);
    const perRound = (EVENTS * ROUND_MS) / SPAN_MS;
    console.log(
      `  baseline, recounting the hour so far (${EVENTS.toLocaleString('en')} events): ${recount.toFixed(0)} ms a round`,
    );
    console.log(
      `  folding the last 15 s (${perRound.toLocaleString('en')} events):        ${fold.toFixed(1)} ms a round  (${(fold / recount).toFixed(4)}x the baseline)`,
    );
  } finally {
    await db.destroy();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const only = process.env['BENCH_ROLLUP_DIALECT'] ?? 'both';
if (only !== 'postgres') await benchRollup('sqlite');
if (only !== 'sqlite') {
  const reachable = await probePostgres();
  if (reachable.ok) await benchRollup('postgres');
  else console.log(`\npostgres: skipped (${reachable.reason})`);
}
