/**
 * `npm run eval:recommend`: an offline evaluation of the Recommended block, against the "newest in
 * section" baseline, measured in the same run on the same articles.
 *
 * Data: the 123 news articles of the shared test data's `bilingual/ntrex128-en-es.documents.jsonl`
 * (real English reports from 18 outlets, with professional Spanish translations; used here only to
 * fill a throwaway database, never shipped), and our own labels (`eval-recommend-labels.ts`): a
 * section, a topic and two or three tags per article, made by reading the articles, before any
 * ranking was run.
 *
 * Import: a new Galley database (SQLite, in a temporary folder, removed at the end) gets the seven
 * sections and the tags with their English and Spanish names, one author per outlet, and every
 * document twice: in English, and in Spanish as its translation (`translationOf`, so the two share
 * a translation group). Each is written with `createArticle` and `publishArticle` through
 * `runOperation`, as the newsroom does, so Galley's own search index and recommendation vectors
 * are written by the write itself. Headline: the document's headline. Body: its other sentences,
 * three to a paragraph (the first sentence repeats the headline and is left out). Dek: the first
 * body sentence when it reads as one (40-300 characters in English; some documents split their
 * headline across the first sentences), else none; the body keeps it, as when a standfirst is
 * taken from the lede. Dates: each English article is published at a time drawn from a seeded
 * generator, uniform over the 60 days before the evaluation's fixed "now", independent of its
 * topic and section; its Spanish version 1 to 6 hours later. Articles are written in date order,
 * so ids grow with time as in a live newsroom. The same seed gives the same dates, ids and
 * numbers on every run.
 *
 * Queries and relevance: every article whose topic has at least one other article is a query, in
 * each language separately (60 queries per language, from 20 topics of 2 to 8 articles). Its
 * relevant stories are the other articles of its topic in the same language (binary relevance).
 * Its own translation is never a candidate, for any ranker.
 *
 * Rankers, all at the same "now" (an hour after the last article), over all 246 articles:
 * - Galley: `computeRecommendations` with its default weights; the block's same-language stories
 *   (at most three) are the ranking evaluated. Its other-language slot stays empty here, since it
 *   only offers stories that have no version in the reader's language, and every story here has
 *   both.
 * - Ablations of the same function: text similarity only (tags = section = 0), tags and section
 *   only (text = 0), and the default weights without the age decay (recency = 0). Popularity is
 *   part of every Galley row but does nothing here: the evaluation has no analytics data, so every
 *   story has 0 views.
 * - Baseline, "newest in section": the three newest published stories in the article's language
 *   and section, the article and its translation excluded; a plain query below.
 * - Upper bound, not a ranker: the relevant stories themselves. Many topics have fewer than three
 *   other articles, so even a perfect block scores precision@3 below 1 (0.667 here).
 *
 * The run also computes and stores every block the way Galley's refresh job does, and says for how
 * many articles the stored block (what readers see) holds exactly the ranking scored as "Galley".
 *
 * Metrics (`recommend-metrics.ts`): precision@3 and nDCG@3 per query, averaged per language and
 * over both, and the ratio of each ranker's mean to the baseline's.
 *
 * Run: `npx tsc -p tsconfig.build.json && npm run eval:recommend`. EVAL_RECOMMEND_TOPICS=1 adds a
 * table of nDCG@3 per topic; EVAL_RECOMMEND_KEEP=1 keeps the database to look at afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import {
  createArticle,
  createAuthor,
  createSection,
  createTag,
  publishArticle,
  setUpPublication,
} from '../core/operations/index.js';
import { CandidatePool, computeRecommendations } from '../core/recommend/recommend.js';
import { runRecommendationsRefresh } from '../core/recommend/recommendations-job.js';
import type { RecommendationWeights } from '../core/recommend/recommend.js';
import { adapterForUrl } from '../db/dialects/adapter-for-url.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database, Locale } from '../db/schema.js';
import { testdataPath } from '../lib/testdata-path.js';
import { EVAL_LABELS, EVAL_SECTIONS, EVAL_TAGS } from './eval-recommend-labels.js';
import type { EvalLabel, EvalSectionKey, EvalTagKey } from './eval-recommend-labels.js';
import { mean, ndcgAtK, precisionAtK } from './recommend-metrics.js';

const CORPUS = 'bilingual/ntrex128-en-es.documents.jsonl';
const K = 3;
const SEED = 20_181_001;
const SPAN_DAYS = 60;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The evaluation's calendar: articles fall in the 60 days before this day. */
const LAST_DAY = Date.UTC(2025, 5, 1);
const SENTENCES_PER_PARAGRAPH = 3;
const LOCALES = ['en', 'es'] as const;

const OUTLET_NAMES: Record<string, string> = {
  abcnews: 'ABC News',
  bbc: 'BBC News',
  cbsnews: 'CBS News',
  cnbc: 'CNBC',
  cnn: 'CNN',
  dailymail: 'Daily Mail',
  'euronews-en': 'Euronews',
  foxnews: 'Fox News',
  guardian: 'The Guardian',
  independent: 'The Independent',
  newsweek: 'Newsweek',
  nytimes: 'The New York Times',
  reuters: 'Reuters',
  rt: 'RT',
  scotsman: 'The Scotsman',
  telegraph: 'The Telegraph',
  thelocal: 'The Local',
  upi: 'UPI',
};

interface CorpusVersion {
  headline: string;
  sentences: string[];
}

interface CorpusDocument {
  doc_id: string;
  outlet: string;
  en: CorpusVersion;
  es: CorpusVersion;
}

/** One imported article: a document in one language. */
interface EvalArticle {
  id: number;
  docId: string;
  locale: Locale;
  sectionId: number;
  translationGroup: string;
  label: EvalLabel;
}

interface Ranker {
  name: string;
  rank: (article: EvalArticle) => Promise<number[]>;
}

/** A small deterministic generator (a linear congruential one), so every run has the same dates. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function loadCorpus(): CorpusDocument[] {
  const documents = readFileSync(testdataPath(CORPUS), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusDocument);
  for (const document of documents)
    for (const locale of LOCALES) {
      const version = document[locale];
      if (!version || typeof version.headline !== 'string' || !Array.isArray(version.sentences))
        throw new Error(`${CORPUS}: ${document.doc_id} has no ${locale} headline and sentences`);
      if (version.sentences.length < 2)
        throw new Error(`${CORPUS}: ${document.doc_id} (${locale}) has no body sentences`);
    }
  // The labels are made for exactly this corpus: a changed file must not be scored silently.
  const ids = new Set(documents.map((document) => document.doc_id));
  const unlabelled = [...ids].filter((id) => !(id in EVAL_LABELS));
  const unknown = Object.keys(EVAL_LABELS).filter((id) => !ids.has(id));
  if (unlabelled.length > 0 || unknown.length > 0 || ids.size !== documents.length)
    throw new Error(
      `${CORPUS} and eval-recommend-labels.ts disagree: unlabelled ${unlabelled.join(', ') || 'none'}; labelled but absent ${unknown.join(', ') || 'none'}`,
    );
  return documents;
}

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The body as ProseMirror JSON: the sentences after the headline, three to a paragraph. */
function bodyOf(sentences: string[]): unknown {
  const bodySentences = sentences.slice(1).filter((sentence) => sentence.trim() !== '');
  const paragraphs: string[] = [];
  for (let start = 0; start < bodySentences.length; start += SENTENCES_PER_PARAGRAPH)
    paragraphs.push(bodySentences.slice(start, start + SENTENCES_PER_PARAGRAPH).join(' '));
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** The first body sentence as the dek, when it reads as one in both languages. */
function deksOf(document: CorpusDocument): Record<Locale, string> {
  const en = document.en.sentences[1] ?? '';
  const es = document.es.sentences[1] ?? '';
  const readsAsDek = en.length >= 40 && en.length <= 300 && es.length <= 400;
  return readsAsDek ? { en, es } : { en: '', es: '' };
}

async function importCorpus(
  core: Core,
  documents: CorpusDocument[],
): Promise<{ articles: EvalArticle[]; lastPublished: number }> {
  const actor = systemActor('cli');
  await runOperation(core, setUpPublication, actor, {
    name: 'Galley Evaluation',
    timeZone: 'UTC',
    translations: { en: { tagline: 'Offline evaluation' }, es: { tagline: 'Evaluación offline' } },
  });
  const sectionIds = new Map<EvalSectionKey, number>();
  for (const [position, [key, names]] of Object.entries(EVAL_SECTIONS).entries()) {
    const { id } = await runOperation(core, createSection, actor, {
      position,
      translations: names,
    });
    sectionIds.set(key as EvalSectionKey, id);
  }
  const tagIds = new Map<EvalTagKey, number>();
  for (const [key, names] of Object.entries(EVAL_TAGS)) {
    const { id } = await runOperation(core, createTag, actor, {
      translations: {
        en: { name: names.en, slug: key },
        es: { name: names.es, slug: slugify(names.es) },
      },
    });
    tagIds.set(key as EvalTagKey, id);
  }
  const authorIds = new Map<string, number>();
  for (const outlet of [...new Set(documents.map((document) => document.outlet))].sort()) {
    const { id } = await runOperation(core, createAuthor, actor, {
      slug: slugify(outlet),
      name: OUTLET_NAMES[outlet] ?? outlet,
      translations: { en: { bio: '' }, es: { bio: '' } },
    });
    authorIds.set(outlet, id);
  }

  // Dates first, in corpus order, so that they do not depend on anything else; then write in
  // date order.
  const next = random(SEED);
  const firstDay = LAST_DAY - SPAN_DAYS * DAY_MS;
  const dated = documents.map((document) => {
    const en = firstDay + Math.floor(next() * SPAN_DAYS * DAY_MS);
    const es = en + HOUR_MS + Math.floor(next() * 5 * HOUR_MS);
    return { document, publishedAt: { en, es } };
  });
  dated.sort((a, b) => a.publishedAt.en - b.publishedAt.en);

  const articles: EvalArticle[] = [];
  for (const { document, publishedAt } of dated) {
    const label = EVAL_LABELS[document.doc_id] as EvalLabel;
    const sectionId = sectionIds.get(label.section) as number;
    const deks = deksOf(document);
    let translationOf: number | null = null;
    for (const locale of LOCALES) {
      const version = document[locale];
      const now = new Date(publishedAt[locale]);
      const created: { id: number; translationGroup: string } = await runOperation(
        core,
        createArticle,
        actor,
        {
          locale,
          translationOf,
          headline: version.headline,
          dek: deks[locale],
          slug: slugify(document.doc_id),
          body: bodyOf(version.sentences),
          sectionId,
          authorIds: [authorIds.get(document.outlet) as number],
          tagIds: label.tags.map((tag) => tagIds.get(tag) as number),
        },
        { now },
      );
      await runOperation(core, publishArticle, actor, { id: created.id }, { now });
      translationOf ??= created.id;
      articles.push({
        id: created.id,
        docId: document.doc_id,
        locale,
        sectionId,
        translationGroup: created.translationGroup,
        label,
      });
    }
  }
  const lastPublished = Math.max(...dated.map(({ publishedAt }) => publishedAt.es));
  return { articles, lastPublished };
}

/** Newest first in the article's language and section, without the article and its translation. */
async function newestInSection(
  db: Kysely<Database>,
  article: EvalArticle,
  now: Date,
): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('locale', '=', article.locale)
    .where('section_id', '=', article.sectionId)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('published_at', '<=', now.toISOString())
    .where('id', '!=', article.id)
    .where('translation_group', '!=', article.translationGroup)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(K)
    .execute();
  return rows.map((row) => row.id);
}

function galleyRanker(
  db: Kysely<Database>,
  pool: CandidatePool,
  now: Date,
  name: string,
  weights: Partial<RecommendationWeights>,
): Ranker {
  return {
    name,
    rank: async (article) => {
      const block = await computeRecommendations(db, article.id, { now, weights, pool });
      return block
        .filter((story) => story.locale === article.locale)
        .slice(0, K)
        .map((story) => story.id);
    },
  };
}

/**
 * Runs the refresh the job runs (as at start, for every article without a block) and counts the
 * articles whose stored block, the one readers see, holds the same-language stories the
 * evaluation scored, in the same order: the figures must be about what readers get.
 */
async function storedBlocksAlike(
  core: Core,
  articles: EvalArticle[],
  ranker: Ranker,
  now: Date,
): Promise<number> {
  await runRecommendationsRefresh(
    core,
    { articleIds: articles.map((article) => article.id), changedIds: [] },
    now,
  );
  const stored = await core.db
    .selectFrom('article_recommendations as r')
    .innerJoin('articles as a', 'a.id', 'r.recommended_id')
    .select(['r.article_id', 'r.recommended_id', 'a.locale'])
    .orderBy('r.article_id')
    .orderBy('r.position')
    .execute();
  let alike = 0;
  for (const article of articles) {
    const storedIds = stored
      .filter((row) => row.article_id === article.id && row.locale === article.locale)
      .map((row) => row.recommended_id)
      .slice(0, K);
    if (storedIds.join(' ') === (await ranker.rank(article)).join(' ')) alike++;
  }
  return alike;
}

interface Scores {
  precision: number[];
  ndcg: number[];
}

interface RankerResult {
  name: string;
  byLocale: Record<Locale, Scores>;
  byTopic: Map<string, number[]>;
}

async function evaluate(
  ranker: Ranker,
  queries: EvalArticle[],
  relevantFor: (article: EvalArticle) => Set<number>,
): Promise<RankerResult> {
  const byLocale: Record<Locale, Scores> = {
    en: { precision: [], ndcg: [] },
    es: { precision: [], ndcg: [] },
  };
  const byTopic = new Map<string, number[]>();
  for (const query of queries) {
    const ranked = await ranker.rank(query);
    const relevant = relevantFor(query);
    const ndcg = ndcgAtK(ranked, relevant, K);
    byLocale[query.locale].precision.push(precisionAtK(ranked, relevant, K));
    byLocale[query.locale].ndcg.push(ndcg);
    byTopic.set(query.label.topic, [...(byTopic.get(query.label.topic) ?? []), ndcg]);
  }
  return { name: ranker.name, byLocale, byTopic };
}

const figure = (value: number) => value.toFixed(3);
const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}x` : 'n/a');

function printTable(results: RankerResult[], baseline: RankerResult): void {
  const overall = (result: RankerResult, metric: keyof Scores) =>
    mean([...result.byLocale.en[metric], ...result.byLocale.es[metric]]);
  const nameWidth = Math.max(...results.map((result) => result.name.length));
  const columns = ['en P@3', 'en nDCG@3', 'es P@3', 'es nDCG@3', 'all P@3', 'all nDCG@3'];
  const ratioColumns = ['P@3 vs base', 'nDCG vs base'];
  const row = (name: string, cells: string[], ratios: string[]) =>
    `${name.padEnd(nameWidth)}  ${cells.map((cell) => cell.padStart(10)).join(' ')}  ${ratios
      .map((cell) => cell.padStart(12))
      .join(' ')}`;
  const header = row('ranker', columns, ratioColumns);
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const result of results) {
    const cells = [
      mean(result.byLocale.en.precision),
      mean(result.byLocale.en.ndcg),
      mean(result.byLocale.es.precision),
      mean(result.byLocale.es.ndcg),
      overall(result, 'precision'),
      overall(result, 'ndcg'),
    ].map(figure);
    const ratios = (['precision', 'ndcg'] as const).map((metric) =>
      ratio(overall(result, metric), overall(baseline, metric)),
    );
    console.log(row(result.name, cells, ratios));
  }
}

function printTopics(results: RankerResult[], topicSizes: Map<string, number>): void {
  const topics = [...topicSizes.keys()].filter((topic) => (topicSizes.get(topic) ?? 0) > 1).sort();
  const width = Math.max(...topics.map((topic) => topic.length));
  console.log(`\nnDCG@3 per topic (articles per language; both languages' queries averaged)`);
  console.log(
    `${'topic'.padEnd(width)}    n  ${results.map((r, i) => `#${i + 1}`.padStart(6)).join('')}`,
  );
  for (const topic of topics)
    console.log(
      `${topic.padEnd(width)}  ${String(topicSizes.get(topic)).padStart(3)}  ${results
        .map((result) => figure(mean(result.byTopic.get(topic) ?? [])).padStart(6))
        .join('')}`,
    );
  results.forEach((result, index) => console.log(`  #${index + 1} ${result.name}`));
}

async function main(): Promise<void> {
  const started = performance.now();
  const documents = loadCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'galley-eval-recommend-'));
  const adapter = adapterForUrl(`sqlite:${join(dir, 'galley.db')}`);
  const db = adapter.createKysely();
  try {
    await migrateToLatest(db, adapter);
    const core: Core = { db, listeners: [], origin: 'eval' };
    const { articles, lastPublished } = await importCorpus(core, documents);
    const imported = performance.now();
    const now = new Date(lastPublished + HOUR_MS);

    const topicSizes = new Map<string, number>();
    for (const document of documents) {
      const topic = (EVAL_LABELS[document.doc_id] as EvalLabel).topic;
      topicSizes.set(topic, (topicSizes.get(topic) ?? 0) + 1);
    }
    const relevantFor = (query: EvalArticle) =>
      new Set(
        articles
          .filter(
            (other) =>
              other.locale === query.locale &&
              other.label.topic === query.label.topic &&
              other.docId !== query.docId,
          )
          .map((other) => other.id),
      );
    const queries = articles.filter((article) => (topicSizes.get(article.label.topic) ?? 0) > 1);

    // One candidate pool for every block, as a refresh computes many blocks from one.
    const pool = await CandidatePool.load(db, now);
    const newestInSectionRanker: Ranker = {
      name: 'Baseline: newest in section',
      rank: (article) => newestInSection(db, article, now),
    };
    const rankers: Ranker[] = [
      galleyRanker(db, pool, now, 'Galley (default weights)', {}),
      galleyRanker(db, pool, now, 'Galley: text only', { tags: 0, section: 0 }),
      galleyRanker(db, pool, now, 'Galley: tags + section only', { text: 0 }),
      galleyRanker(db, pool, now, 'Galley: no age decay', { recency: 0 }),
      newestInSectionRanker,
      // Not a ranker: the labels' own answer, the most any ranker can score (many topics have
      // fewer than three other articles, which caps precision@3 below 1).
      { name: 'Upper bound: relevant first', rank: async (article) => [...relevantFor(article)] },
    ];
    const results: RankerResult[] = [];
    for (const ranker of rankers) results.push(await evaluate(ranker, queries, relevantFor));
    const baseline = results[rankers.indexOf(newestInSectionRanker)] as RankerResult;
    const storedAlike = await storedBlocksAlike(core, articles, rankers[0] as Ranker, now);

    const multiTopics = [...topicSizes.values()].filter((size) => size > 1);
    const count = (locale: Locale) => queries.filter((query) => query.locale === locale).length;
    console.log(`Recommendation evaluation: ${CORPUS}`);
    console.log(
      `  ${documents.length} documents, ${articles.length} articles (en + es), ${Object.keys(EVAL_SECTIONS).length} sections, ${Object.keys(EVAL_TAGS).length} tags, ${topicSizes.size} topics (${multiTopics.length} with 2-${Math.max(...multiTopics)} articles)`,
    );
    console.log(
      `  published over the ${SPAN_DAYS} days to ${new Date(lastPublished).toISOString().slice(0, 10)} (seed ${SEED}); blocks computed at ${now.toISOString()}`,
    );
    console.log(
      `  queries: en ${count('en')}, es ${count('es')}, all ${queries.length}; relevant = other articles of the same topic in the same language; k = ${K}`,
    );
    console.log(`  no analytics data: popularity is 0 for every story`);
    console.log(
      `  stored blocks (the refresh job's work) equal to the evaluated default ranking: ${storedAlike} of ${articles.length} articles\n`,
    );
    printTable(results, baseline);
    if (process.env['EVAL_RECOMMEND_TOPICS']) printTopics(results, topicSizes);
    // Timings on stderr: stdout is the same on every run.
    console.error(
      `\n(import ${((imported - started) / 1000).toFixed(1)} s, rankings ${((performance.now() - imported) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await db.destroy();
    if (process.env['EVAL_RECOMMEND_KEEP']) console.error(`kept ${join(dir, 'galley.db')}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
