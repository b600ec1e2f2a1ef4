/**
 * The Recommended block: which stories an article offers next.
 *
 * A candidate's score is its similarity to the article, times a decay by its age, times its
 * popularity:
 *
 *   similarity = text x cosine(TF-IDF vectors) + tags x Jaccard(tag ids) + section x same section
 *   score      = similarity x (1 / (1 + age / 30 days)) ^ recency x (1 + popularity x views')
 *
 * where views' is the candidate's page views over the last 7 days (analytics_hourly), on a log
 * scale from 0 to 1 against the most-read candidate. The term vectors are the articles' strongest
 * stemmed words (`term-vector.ts`); inverse document frequency is taken over the candidates, so a
 * word every story uses weighs nothing. Text similarity works across languages too, on the words
 * two languages share (names of people, places, organisations), which is how a Spanish-only story
 * can be offered beside an English one.
 *
 * The block holds at most three stories in the article's language, best first, and at most one
 * from the other language that has no version in the article's language (a reader would rather
 * have the version in their own). Never the article itself, its own translation, an unpublished
 * story, or a story twice. Editors' pins come first, in their order; excluded stories never show.
 *
 * Blocks are computed ahead (`refreshRecommendations`, run by a job after every change that could
 * alter them) and stored in `article_recommendations`, so the page reads them with its one query.
 */
import type { Kysely, Transaction } from 'kysely';
import { LOCALES } from '../../db/schema.js';
import type { Database, Locale } from '../../db/schema.js';
import type { TermVector } from './term-vector.js';

export interface RecommendationWeights {
  /** Text similarity (cosine of TF-IDF vectors). */
  text: number;
  /** Shared tags (Jaccard over tag ids). */
  tags: number;
  /** The same section. */
  section: number;
  /** Exponent of the age decay; 0 ignores age. */
  recency: number;
  /** How much 7-day page views may lift a story (0 ignores them; 0.5 lifts the most read by 50%). */
  popularity: number;
}

/**
 * Chosen with `npm run eval:recommend` (NTREX-128, hand-labelled topics): a full decay
 * (recency 1) and a section weight of 0.1 let recent stories of the same section but another
 * topic crowd out related older ones (nDCG@3 0.679); a square-root decay and a section weight of
 * 0.05 gave 0.880 (text only: 0.778; newest in section: 0.136). The eval's dates ignore topics,
 * so it cannot show what the decay is worth; the decay stays, gentler.
 */
export const DEFAULT_WEIGHTS: RecommendationWeights = {
  text: 0.6,
  tags: 0.3,
  section: 0.05,
  recency: 0.5,
  popularity: 0.5,
};

export const SAME_LANGUAGE_SLOTS = 3;
export const OTHER_LANGUAGE_SLOTS = 1;

/**
 * Candidates are the newest published stories: older ones lose most of their score to the age
 * decay, and a bounded pool keeps a refresh to milliseconds however large the archive.
 */
export const CANDIDATE_POOL = 3000;
const AGE_SCALE_DAYS = 30;
const POPULARITY_DAYS = 7;
const DAY_MS = 86_400_000;

export interface RankedStory {
  id: number;
  locale: Locale;
  score: number;
  reason: 'pin' | 'ranked';
}

type Db = Kysely<Database> | Transaction<Database>;

interface StoryFacts {
  id: number;
  locale: Locale;
  sectionId: number;
  translationGroup: string;
  publishedAt: number;
  tags: Set<number>;
  vector: TermVector;
}

interface Candidate extends StoryFacts {
  views: number;
}

/**
 * The candidates of one refresh, loaded once and shared by every block it computes: the newest
 * published stories with their vectors, tags and recent views, the languages each story exists
 * in, and the inverse document frequency of every term among them.
 */
export class CandidatePool {
  /** Each term's candidates (by index) with their normalised TF-IDF weight. */
  private readonly postings = new Map<string, { index: number; weight: number }[]>();
  private readonly byTag = new Map<number, number[]>();
  private readonly bySection = new Map<number, number[]>();
  private readonly indexById = new Map<number, number>();

  private constructor(
    readonly candidates: Candidate[],
    private readonly idf: Map<string, number>,
    private readonly publishedLocales: Map<string, Set<Locale>>,
    private readonly maxViews: number,
    /** When loading began (wall clock): a block is as fresh as the pool it was computed from. */
    readonly loadedAt: string,
  ) {
    candidates.forEach((candidate, index) => {
      this.indexById.set(candidate.id, index);
      for (const [term, weight] of this.weighted(candidate.vector)) {
        const list = this.postings.get(term) ?? [];
        list.push({ index, weight });
        this.postings.set(term, list);
      }
      for (const tag of candidate.tags) push(this.byTag, tag, index);
      push(this.bySection, candidate.sectionId, index);
    });
  }

  static async load(db: Db, now: Date, poolSize = CANDIDATE_POOL): Promise<CandidatePool> {
    const loadedAt = new Date().toISOString();
    // One query per edition, each read in the order of its listing index (locale, status,
    // published_at); a single query across editions sorted the whole table. Deleted articles
    // are never `published`.
    const perLocale = await Promise.all(
      LOCALES.map((locale) =>
        storyRows(db)
          .where('a.locale', '=', locale)
          .where('a.status', '=', 'published')
          .orderBy('a.published_at', 'desc')
          .orderBy('a.id', 'desc')
          .limit(poolSize)
          .execute(),
      ),
    );
    const rows = perLocale
      .flat()
      .sort((x, y) => (y.published_at ?? '').localeCompare(x.published_at ?? '') || y.id - x.id)
      .slice(0, poolSize);
    const ids = rows.map((row) => row.id);
    const groups = [...new Set(rows.map((row) => row.translation_group))];
    const since = new Date(now.getTime() - POPULARITY_DAYS * DAY_MS).toISOString();
    const [tags, locales, views] = await Promise.all([
      tagsOf(db, ids),
      inChunks(groups, (chunk) =>
        db
          .selectFrom('articles')
          .select(['translation_group', 'locale'])
          .where('status', '=', 'published')
          .where('translation_group', 'in', chunk)
          .execute(),
      ),
      db
        .selectFrom('analytics_hourly')
        .select(['article_id', (eb) => eb.fn.sum<number | string>('views').as('views')])
        .where('hour', '>=', since)
        .where('article_id', '>', 0)
        .groupBy('article_id')
        .execute(),
    ]);
    const viewsById = new Map(views.map((row) => [row.article_id, Number(row.views)]));
    const candidates: Candidate[] = rows.map((row) => ({
      ...factsFromRow(row, tags),
      views: viewsById.get(row.id) ?? 0,
    }));
    const publishedLocales = new Map<string, Set<Locale>>();
    for (const row of locales) {
      const set = publishedLocales.get(row.translation_group) ?? new Set<Locale>();
      set.add(row.locale);
      publishedLocales.set(row.translation_group, set);
    }
    return new CandidatePool(
      candidates,
      inverseDocumentFrequency(candidates),
      publishedLocales,
      candidates.reduce((most, candidate) => Math.max(most, candidate.views), 0),
      loadedAt,
    );
  }

  /**
   * Every eligible candidate for this article with its score, best first, before slots, pins and
   * excludes: what `computeRecommendations` picks from, and how a refresh finds the stories a
   * changed article has become close to. Only candidates that share a term, a tag or the section
   * can score above zero, so only they are visited (through the pool's inverted indexes).
   */
  rank(
    source: StoryFacts,
    now: Date,
    weights: RecommendationWeights,
    options: { anyEdition?: boolean } = {},
  ): RankedStory[] {
    const text = new Map<number, number>();
    for (const [term, weight] of this.weighted(source.vector))
      for (const posting of this.postings.get(term) ?? [])
        text.set(posting.index, (text.get(posting.index) ?? 0) + weight * posting.weight);
    const sharedTags = new Map<number, number>();
    for (const tag of source.tags)
      for (const index of this.byTag.get(tag) ?? [])
        sharedTags.set(index, (sharedTags.get(index) ?? 0) + 1);
    const sameSection = new Set(this.bySection.get(source.sectionId) ?? []);
    const visited = new Set([...text.keys(), ...sharedTags.keys(), ...sameSection]);

    const ranked: RankedStory[] = [];
    for (const index of visited) {
      const candidate = this.candidates[index] as Candidate;
      if (candidate.id === source.id || candidate.translationGroup === source.translationGroup)
        continue;
      // A story offered from the other edition must be one the reader cannot read in their own
      // (unless the question is only which stories are close: `anyEdition`).
      if (
        !options.anyEdition &&
        candidate.locale !== source.locale &&
        this.publishedLocales.get(candidate.translationGroup)?.has(source.locale)
      )
        continue;
      const shared = sharedTags.get(index) ?? 0;
      const tagSimilarity =
        shared > 0 ? shared / (source.tags.size + candidate.tags.size - shared) : 0;
      const similarity =
        weights.text * (text.get(index) ?? 0) +
        weights.tags * tagSimilarity +
        weights.section * (sameSection.has(index) ? 1 : 0);
      if (similarity <= 0) continue;
      const ageDays = Math.max(0, now.getTime() - candidate.publishedAt) / DAY_MS;
      const decay = (1 / (1 + ageDays / AGE_SCALE_DAYS)) ** weights.recency;
      const popularity =
        this.maxViews > 0 ? Math.log1p(candidate.views) / Math.log1p(this.maxViews) : 0;
      ranked.push({
        id: candidate.id,
        locale: candidate.locale,
        score: similarity * decay * (1 + weights.popularity * popularity),
        reason: 'ranked',
      });
    }
    return ranked.sort((a, b) => b.score - a.score || b.id - a.id);
  }

  /** Whether a story may appear in this article's block at all (pins are checked here too). */
  isEligible(source: StoryFacts, story: { id: number; locale: Locale }): boolean {
    const index = this.indexById.get(story.id);
    if (index === undefined) return true; // outside the pool: checked by the caller's own query
    const candidate = this.candidates[index] as Candidate;
    return (
      candidate.translationGroup !== source.translationGroup &&
      (candidate.locale === source.locale ||
        !this.publishedLocales.get(candidate.translationGroup)?.has(source.locale))
    );
  }

  /** TF-IDF weights of a vector over this pool, normalised to length 1. */
  private weighted(vector: TermVector): Map<string, number> {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of vector) {
      // A term no candidate has (the source's own rare words) gets the rarest weight.
      const weight = tf * (this.idf.get(term) ?? Math.log(1 + this.candidates.length));
      weights.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of weights) weights.set(term, weight / norm);
    return weights;
  }
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/**
 * Parsed vectors, kept between refreshes while their row is unchanged: parsing the pool's JSON
 * again for every refresh cost more than ranking it.
 */
const parsedVectors = new Map<string, TermVector>();
const PARSED_VECTORS_LIMIT = 4 * CANDIDATE_POOL;

/**
 * Keyed by the stored text itself, not by article id and time: ids repeat across databases in one
 * process (the tests run both), and a write's time may be back-dated or repeat within a
 * millisecond, which would hand back an article's old words.
 */
function parsedVector(terms: string | null): TermVector {
  if (terms === null) return [];
  const known = parsedVectors.get(terms);
  if (known) return known;
  const vector = JSON.parse(terms) as TermVector;
  if (parsedVectors.size >= PARSED_VECTORS_LIMIT) parsedVectors.clear();
  parsedVectors.set(terms, vector);
  return vector;
}

function inverseDocumentFrequency(candidates: Candidate[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates)
    for (const [term] of candidate.vector)
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  const total = candidates.length;
  for (const [term, df] of documentFrequency) idf.set(term, Math.log(1 + total / df));
  return idf;
}

/** SQLite allows a bounded number of parameters per statement; long id lists go in chunks. */
async function inChunks<T, R>(items: T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += 900)
    results.push(...(await query(items.slice(start, start + 900))));
  return results;
}

async function tagsOf(db: Db, ids: number[]): Promise<Map<number, Set<number>>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('article_tags')
      .select(['article_id', 'tag_id'])
      .where('article_id', 'in', chunk)
      .execute(),
  );
  const tags = new Map<number, Set<number>>();
  for (const row of rows) {
    const set = tags.get(row.article_id) ?? new Set<number>();
    set.add(row.tag_id);
    tags.set(row.article_id, set);
  }
  return tags;
}

interface SourceFacts extends StoryFacts {
  status: string;
  deleted: boolean;
}

/** An article with its term vector: what ranking knows of a story. */
function storyRows(db: Db) {
  return db
    .selectFrom('articles as a')
    .leftJoin('recommendation_vectors as v', 'v.article_id', 'a.id')
    .select([
      'a.id',
      'a.locale',
      'a.section_id',
      'a.translation_group',
      'a.published_at',
      'v.terms',
    ]);
}

function factsFromRow(
  row: Awaited<ReturnType<ReturnType<typeof storyRows>['execute']>>[number],
  tags: Map<number, Set<number>>,
): StoryFacts {
  return {
    id: row.id,
    locale: row.locale,
    sectionId: row.section_id,
    translationGroup: row.translation_group,
    publishedAt: Date.parse(row.published_at ?? '') || 0,
    tags: tags.get(row.id) ?? new Set(),
    vector: parsedVector(row.terms),
  };
}

/** The facts of the articles whose blocks are computed (any status: the preview asks for drafts). */
async function storyFacts(db: Db, ids: number[]): Promise<Map<number, SourceFacts>> {
  const [rows, tags] = await Promise.all([
    inChunks(ids, (chunk) =>
      storyRows(db).select(['a.status', 'a.deleted_at']).where('a.id', 'in', chunk).execute(),
    ),
    tagsOf(db, ids),
  ]);
  const facts = new Map<number, SourceFacts>();
  for (const row of rows)
    facts.set(row.id, {
      ...factsFromRow(row, tags),
      status: row.status,
      deleted: row.deleted_at !== null,
    });
  return facts;
}

interface Choices {
  pins: number[];
  excludes: Set<number>;
}

async function choicesOf(db: Db, articleIds: number[]): Promise<Map<number, Choices>> {
  const rows = await inChunks(articleIds, (chunk) =>
    db
      .selectFrom('recommendation_choices')
      .select(['article_id', 'target_id', 'kind', 'position'])
      .where('article_id', 'in', chunk)
      .orderBy('article_id')
      .orderBy('position')
      .execute(),
  );
  const choices = new Map<number, Choices>();
  for (const row of rows) {
    const entry = choices.get(row.article_id) ?? { pins: [], excludes: new Set<number>() };
    if (row.kind === 'pin') entry.pins.push(row.target_id);
    else entry.excludes.add(row.target_id);
    choices.set(row.article_id, entry);
  }
  return choices;
}

/** Pinned stories that can be shown: published, not deleted. */
async function publishedStories(
  db: Db,
  ids: number[],
): Promise<Map<number, { id: number; locale: Locale; translationGroup: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('articles')
      .select(['id', 'locale', 'translation_group'])
      .where('id', 'in', chunk)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .execute(),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, locale: row.locale, translationGroup: row.translation_group },
    ]),
  );
}

/** Slots, pins and excludes applied to a ranking: the block as readers see it. */
function fillBlock(
  source: StoryFacts,
  ranking: RankedStory[],
  pins: { id: number; locale: Locale; translationGroup: string }[],
  excludes: Set<number>,
): RankedStory[] {
  const block: RankedStory[] = [];
  const used = new Set<number>();
  let sameLanguage = 0;
  let otherLanguage = 0;
  const take = (story: RankedStory) => {
    block.push(story);
    used.add(story.id);
    if (story.locale === source.locale) sameLanguage++;
    else otherLanguage++;
  };
  for (const pin of pins) {
    if (pin.id === source.id || pin.translationGroup === source.translationGroup) continue;
    if (used.has(pin.id) || excludes.has(pin.id)) continue;
    // Even pinned, the block holds one story from the other edition at most.
    if (pin.locale !== source.locale && otherLanguage >= OTHER_LANGUAGE_SLOTS) continue;
    take({ id: pin.id, locale: pin.locale, score: 0, reason: 'pin' });
  }
  for (const story of ranking) {
    if (used.has(story.id) || excludes.has(story.id)) continue;
    if (story.locale === source.locale) {
      if (sameLanguage >= SAME_LANGUAGE_SLOTS) continue;
    } else if (otherLanguage >= OTHER_LANGUAGE_SLOTS) continue;
    take(story);
    if (sameLanguage >= SAME_LANGUAGE_SLOTS && otherLanguage >= OTHER_LANGUAGE_SLOTS) break;
  }
  // Same-language stories first, then the other edition's; pins keep their place in each.
  return [
    ...block.filter((story) => story.locale === source.locale),
    ...block.filter((story) => story.locale !== source.locale),
  ];
}

/**
 * One article's block (any status: the preview shows a draft's). Loads its own candidate pool;
 * a refresh of many blocks shares one (`refreshRecommendations`).
 */
export async function computeRecommendations(
  db: Db,
  articleId: number,
  options: { now: Date; weights?: Partial<RecommendationWeights>; pool?: CandidatePool },
): Promise<RankedStory[]> {
  const source = (await storyFacts(db, [articleId])).get(articleId);
  if (!source) return [];
  const pool = options.pool ?? (await CandidatePool.load(db, options.now));
  const choices = (await choicesOf(db, [articleId])).get(articleId);
  return blockFor(db, pool, source, choices, options.now, {
    ...DEFAULT_WEIGHTS,
    ...options.weights,
  });
}

async function blockFor(
  db: Db,
  pool: CandidatePool,
  source: StoryFacts,
  choices: Choices | undefined,
  now: Date,
  weights: RecommendationWeights,
): Promise<RankedStory[]> {
  const pinned = await publishedStories(db, choices?.pins ?? []);
  const pins = (choices?.pins ?? [])
    .map((id) => pinned.get(id))
    .filter((pin): pin is NonNullable<typeof pin> => pin !== undefined)
    .filter((pin) => pool.isEligible(source, pin));
  return fillBlock(source, pool.rank(source, now, weights), pins, choices?.excludes ?? new Set());
}

/** How many of a changed story's closest stories get their blocks computed again. */
const NEIGHBOURS = 12;

/**
 * Computes blocks again and stores them: the articles asked for, the blocks that show a changed
 * story, and the blocks of a changed story's closest stories (which it may now enter: similarity
 * is symmetric, so the stories closest to it are the ones whose blocks it can reach). An article
 * that is not published loses its block. Returns the articles whose stored block changed, whose
 * pages must be rendered again.
 */
export async function refreshRecommendations(
  db: Kysely<Database>,
  request: { articleIds: number[]; changedIds: number[] },
  now: Date,
  options: { pool?: CandidatePool } = {},
): Promise<number[]> {
  const pool = options.pool ?? (await CandidatePool.load(db, now));
  const ids = new Set([...request.articleIds, ...request.changedIds]);
  if (request.changedIds.length > 0) {
    // Blocks showing the story or any version of it: a story offered from the other edition
    // leaves those blocks when a version in their language is published.
    const showing = await inChunks(request.changedIds, (chunk) =>
      db
        .selectFrom('article_recommendations as ar')
        .innerJoin('articles as shown', 'shown.id', 'ar.recommended_id')
        .innerJoin('articles as changed', 'changed.translation_group', 'shown.translation_group')
        .select('ar.article_id')
        .where('changed.id', 'in', chunk)
        .execute(),
    );
    for (const row of showing) ids.add(row.article_id);
    const changed = await storyFacts(db, request.changedIds);
    for (const story of changed.values()) {
      if (story.status !== 'published' || story.deleted) continue;
      // Close stories in either edition: a story can enter blocks of both.
      const nearest = pool.rank(story, now, DEFAULT_WEIGHTS, { anyEdition: true });
      for (const neighbour of nearest.slice(0, NEIGHBOURS)) ids.add(neighbour.id);
    }
  }
  return storeBlocks(db, pool, [...ids], now);
}

async function storeBlocks(
  db: Kysely<Database>,
  pool: CandidatePool,
  ids: number[],
  now: Date,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const [facts, choices, stored] = await Promise.all([
    storyFacts(db, ids),
    choicesOf(db, ids),
    inChunks(ids, (chunk) =>
      db
        .selectFrom('article_recommendations')
        .select(['article_id', 'recommended_id', 'reason'])
        .where('article_id', 'in', chunk)
        .orderBy('article_id')
        .orderBy('position')
        .execute(),
    ),
  ]);
  const storedBlocks = new Map<number, string>();
  for (const row of stored)
    storedBlocks.set(
      row.article_id,
      `${storedBlocks.get(row.article_id) ?? ''}${row.recommended_id}:${row.reason} `,
    );
  const writes: { articleId: number; block: RankedStory[] }[] = [];
  for (const id of ids) {
    const source = facts.get(id);
    const block =
      source && source.status === 'published' && !source.deleted
        ? await blockFor(db, pool, source, choices.get(id), now, DEFAULT_WEIGHTS)
        : [];
    const signature = block.map((story) => `${story.id}:${story.reason} `).join('');
    // Scores move with every view and every hour; only a different block is worth a write and a
    // page drop.
    if (signature === (storedBlocks.get(id) ?? '')) continue;
    writes.push({ articleId: id, block });
  }
  // Refreshes run side by side (a batch of jobs, several processes). A block computed from an
  // older pool must not replace one computed from a newer pool, which may know of stories
  // published since: the older rows are deleted, and the block is written only if no newer one
  // is there. On PostgreSQL the DELETE waits for a concurrent writer of the same block, so the
  // check that follows sees its rows.
  const written: number[] = [];
  if (writes.length > 0)
    await db.transaction().execute(async (trx) => {
      for (const write of writes) {
        await trx
          .deleteFrom('article_recommendations')
          .where('article_id', '=', write.articleId)
          .where('computed_at', '<=', pool.loadedAt)
          .execute();
        const newer = await trx
          .selectFrom('article_recommendations')
          .select('article_id')
          .where('article_id', '=', write.articleId)
          .executeTakeFirst();
        if (newer) continue;
        written.push(write.articleId);
        if (write.block.length > 0)
          await trx
            .insertInto('article_recommendations')
            .values(
              write.block.map((story, position) => ({
                article_id: write.articleId,
                position,
                recommended_id: story.id,
                score: story.score,
                reason: story.reason,
                computed_at: pool.loadedAt,
              })),
            )
            .execute();
      }
    });
  return written;
}

/**
 * Published articles with no stored block (a new database, an upgrade, a restored backup): their
 * ids, oldest-missing first, for a refresh.
 */
export async function articlesWithoutBlocks(
  db: Kysely<Database>,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('articles as a')
    .select('a.id')
    .where('a.status', '=', 'published')
    .where('a.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('article_recommendations as r')
            .select('r.article_id')
            .whereRef('r.article_id', '=', 'a.id'),
        ),
      ),
    )
    .orderBy('a.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
