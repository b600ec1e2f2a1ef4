/**
 * `npm run bench:search`: full-text search over 100,000 bilingual articles, on SQLite and on
 * PostgreSQL, against a baseline measured in the same run on the same rows.
 *
 * The articles are made from the shared test data's parallel English-Spanish news corpus
 * (`bilingual/ntrex128-en-es.documents.jsonl`, used here only to load the database, never
 * shipped): each pair of articles takes a window of six consecutive sentences from one document,
 * in English and in Spanish, so the two editions say the same things in their own words. They
 * are written straight into `articles` in large transactions (running 100,000 operations would
 * measure the operations, not search), then indexed with `indexUnindexedArticles`, which is what
 * Galley runs at start for articles the index has not seen.
 *
 * Queries: 200 of them, half English and half Spanish, one or two words drawn from the corpus's
 * vocabulary by frequency band (common, middling, rare), so some match tens of thousands of
 * articles and some a handful. Each runs the readers' search as the search page does: the first
 * page of ten with snippets, the total, and the other language's count. One at a time, so the
 * figures are latencies, not throughput.
 *
 * Baseline: the same words as a case-insensitive substring filter on headlines, newest first,
 * ten rows and a count (what the newsroom's article list offered before full-text search). It
 * reads every row, so the ratio says what the index buys.
 *
 * Settings: BENCH_SEARCH_ARTICLES (default 100000), BENCH_SEARCH_DIALECT=sqlite|postgres (default
 * both), BENCH_SEARCH_KEEP=1 keeps the databases to look at query plans afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import { createAuthor, createSection, setUpPublication } from '../core/operations/index.js';
import { indexUnindexedArticles } from '../core/search/search-index.js';
import { searchArticles } from '../core/search/search-articles.js';
import { containsText } from '../db/dialect-features.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import type { DialectName } from '../db/dialects/dialect-adapter.js';
import {
  createTestDatabase,
  probePostgres,
} from '../db/dialects/postgres/postgres-test-database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database, Locale } from '../db/schema.js';
import { testdataPath } from '../lib/testdata-path.js';

const TOTAL_ARTICLES = Number(process.env['BENCH_SEARCH_ARTICLES'] ?? 100_000);
const QUERIES = 200;
const SENTENCES_PER_ARTICLE = 6;
const ROWS_PER_INSERT = 500;

interface CorpusDocument {
  en: { sentences: string[] };
  es: { sentences: string[] };
}

/** A small deterministic generator, so every run searches the same rows with the same words. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function loadCorpus(): CorpusDocument[] {
  const file = testdataPath('bilingual/ntrex128-en-es.documents.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusDocument)
    .filter((document) => document.en.sentences.length > SENTENCES_PER_ARTICLE);
}

const paragraphs = (sentences: string[]) =>
  JSON.stringify({
    type: 'doc',
    content: [0, 2, 4].map((start) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: sentences.slice(start, start + 2).join(' ') || '.' }],
    })),
  });

async function seed(db: Kysely<Database>, corpus: CorpusDocument[]): Promise<void> {
  const core: Core = { db, listeners: [], origin: 'bench' };
  const actor = systemActor('cli');
  await runOperation(core, setUpPublication, actor, {
    name: 'Bench Gazette',
    timeZone: 'UTC',
    translations: { en: { tagline: 'Numbers' }, es: { tagline: 'Cifras' } },
  });
  const sections: number[] = [];
  for (const [en, es] of [
    ['city', 'ciudad'],
    ['world', 'mundo'],
    ['science', 'ciencia'],
    ['culture', 'cultura'],
  ] as const) {
    const { id } = await runOperation(core, createSection, actor, {
      translations: { en: { name: en, slug: en }, es: { name: es, slug: es } },
    });
    sections.push(id);
  }
  const authors: number[] = [];
  for (let index = 0; index < 20; index++) {
    const { id } = await runOperation(core, createAuthor, actor, {
      slug: `writer-${index}`,
      name: `Writer ${index}`,
      translations: { en: { bio: '' }, es: { bio: '' } },
    });
    authors.push(id);
  }
  const next = random(7);
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const pairs = TOTAL_ARTICLES / 2;
  let rows: Insertable<Database['articles']>[] = [];
  let links: { article_id: number; author_id: number; position: number }[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const ids = await db.insertInto('articles').values(rows).returning('id').execute();
    links = ids.map(({ id }, index) => ({
      article_id: id,
      author_id: authors[(id + index) % authors.length] as number,
      position: 0,
    }));
    await db.insertInto('article_authors').values(links).execute();
    rows = [];
  };
  for (let pair = 0; pair < pairs; pair++) {
    const document = corpus[Math.floor(next() * corpus.length)] as CorpusDocument;
    const first = Math.floor(next() * (document.en.sentences.length - SENTENCES_PER_ARTICLE));
    const published = new Date(start + Math.floor(next() * span)).toISOString();
    const section = sections[pair % sections.length] as number;
    for (const locale of ['en', 'es'] as const) {
      const sentences = document[locale].sentences.slice(first, first + SENTENCES_PER_ARTICLE + 2);
      const headline = (sentences[0] ?? '').split(/\s+/).slice(0, 12).join(' ');
      rows.push({
        locale,
        translation_group: `bench-${pair}`,
        headline,
        dek: sentences[1] ?? '',
        slug: `${locale}-${pair}`,
        section_id: section,
        type: 'news',
        body: paragraphs(sentences.slice(2)),
        word_count: 100,
        lead_media_id: null,
        status: 'published',
        published_at: published,
        updated_at: published,
        created_at: published,
        version: 1,
      });
    }
    if (rows.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
}

/** One- and two-word queries from the corpus, by frequency band, in both languages. */
function pickQueries(corpus: CorpusDocument[]): { words: string; locale: Locale }[] {
  const next = random(11);
  const queries: { words: string; locale: Locale }[] = [];
  for (const locale of ['en', 'es'] as const) {
    const counts = new Map<string, number>();
    for (const document of corpus)
      for (const sentence of document[locale].sentences)
        for (const word of sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
          counts.set(word, (counts.get(word) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
    const band = (from: number, to: number) =>
      ranked[from + Math.floor(next() * (Math.min(to, ranked.length) - from))] as string;
    for (let index = 0; index < QUERIES / 2; index++) {
      const kind = index % 4;
      queries.push({
        locale,
        words:
          kind === 0
            ? band(0, 50)
            : kind === 1
              ? band(50, 500)
              : kind === 2
                ? band(500, ranked.length)
                : `${band(0, 300)} ${band(0, 300)}`,
      });
    }
  }
  return queries;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function summary(label: string, timings: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...timings].sort((a, b) => a - b);
  const figures = {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
  console.log(
    `  ${label.padEnd(34)} p50 ${figures.p50.toFixed(1).padStart(7)} ms   p95 ${figures.p95.toFixed(1).padStart(7)} ms   p99 ${figures.p99.toFixed(1).padStart(7)} ms   max ${(sorted.at(-1) ?? 0).toFixed(1).padStart(7)} ms`,
  );
  return figures;
}

async function benchDialect(dialect: DialectName, corpus: CorpusDocument[]): Promise<void> {
  let url: string;
  let cleanUp: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'galley-bench-search-'));
    url = `sqlite:${join(dir, 'galley.db')}`;
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await createTestDatabase();
    url = database.url;
    cleanUp = database.drop;
  }
  const adapter = adapterForUrl(url);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    console.log(`\n${dialect}: ${TOTAL_ARTICLES.toLocaleString('en')} articles`);
    const loadMs = await time(() => seed(db, corpus));
    console.log(`  written in ${(loadMs / 1000).toFixed(1)} s`);
    let indexed = 0;
    const indexMs = await time(async () => {
      indexed = await indexUnindexedArticles(db, 1000);
    });
    console.log(
      `  indexed ${indexed.toLocaleString('en')} in ${(indexMs / 1000).toFixed(1)} s (${Math.round(indexed / (indexMs / 1000)).toLocaleString('en')} articles/s)`,
    );
    // A live database has planner statistics (autovacuum keeps them); a bulk load has none yet.
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    const queries = pickQueries(corpus);
    // Latencies on a shared machine mean little without the load they were taken under.
    const load = () =>
      loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
    console.log(`  load average before the queries: ${load()}`);
    const searchTimes: number[] = [];
    const baselineTimes: number[] = [];
    let totalHits = 0;
    for (const query of queries) {
      // Alternate, so drifts in machine load touch both measures alike.
      searchTimes.push(
        await time(async () => {
          const results = await searchArticles(db, {
            query: query.words,
            locale: query.locale,
            audience: 'readers',
          });
          totalHits += results.total;
        }),
      );
      const word = query.words.split(' ')[0] as string;
      baselineTimes.push(
        await time(() =>
          Promise.all([
            db
              .selectFrom('articles as a')
              .select(['a.id', 'a.headline'])
              .where('a.locale', '=', query.locale)
              .where('a.status', '=', 'published')
              .where(containsText('a.headline', word))
              .orderBy('a.published_at', 'desc')
              .limit(10)
              .execute(),
            db
              .selectFrom('articles as a')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('a.locale', '=', query.locale)
              .where('a.status', '=', 'published')
              .where(containsText('a.headline', word))
              .executeTakeFirst(),
          ]),
        ),
      );
    }
    console.log(
      `  ${queries.length} queries, ${Math.round(totalHits / queries.length).toLocaleString('en')} matches each on average; load average after: ${load()}`,
    );
    const search = summary('full-text search (page 1 + counts)', searchTimes);
    const baseline = summary('baseline: headline substring scan', baselineTimes);
    console.log(
      `  p95 ${search.p95.toFixed(1)} ms (target <= 50 ms: ${search.p95 <= 50 ? 'met' : 'MISSED'}); ${(search.p95 / baseline.p95).toFixed(2)}x the baseline's p95`,
    );
  } finally {
    await db.destroy();
    if (process.env['BENCH_SEARCH_KEEP']) console.log(`  kept ${url} for EXPLAIN`);
    else await cleanUp();
  }
}

const corpus = loadCorpus();
const only = process.env['BENCH_SEARCH_DIALECT'];
if (only !== 'postgres') await benchDialect('sqlite', corpus);
if (only !== 'sqlite') {
  const postgres = await probePostgres();
  if (postgres.ok) await benchDialect('postgres', corpus);
  else console.log(`\npostgres: skipped (${postgres.reason})`);
}
