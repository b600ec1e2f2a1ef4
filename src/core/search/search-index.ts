/**
 * Keeps the full-text index in step with the articles. `runOperation` calls
 * `syncSearchIndex` inside every write's transaction with the write's cache keys, so an article
 * is searchable (or gone from search) the moment the write commits: no queue, no lag. Every
 * article that is not deleted is indexed, drafts included (the newsroom searches them); reader
 * queries keep to published articles.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BodyDoc } from '../../content/body-schema.js';
import { bodyToText } from '../../content/body-text.js';
import { dialectFeatures } from '../../db/dialect-features.js';
import type { SearchDocument } from '../../db/dialect-features.js';
import type { Database } from '../../db/schema.js';
import type { ChangeSet } from '../change-set.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Articles whose words a change touched: an `article.*` event (drafts have no pages, so no cache
 * keys, but the newsroom searches them), their own cache key, or a tag or author they carry.
 */
async function touchedArticleIds(trx: Db, changes: ChangeSet): Promise<number[]> {
  const ids = new Set<number>();
  for (const event of changes.events) if (event.type.startsWith('article.')) ids.add(event.id);
  const tagIds: number[] = [];
  const authorIds: number[] = [];
  for (const key of changes.cacheKeys) {
    const [kind, id] = key.split(':');
    const number = Number(id);
    if (!Number.isInteger(number)) continue;
    if (kind === 'article') ids.add(number);
    else if (kind === 'tag') tagIds.push(number);
    else if (kind === 'author') authorIds.push(number);
  }
  if (tagIds.length > 0)
    for (const row of await trx
      .selectFrom('article_tags')
      .select('article_id')
      .where('tag_id', 'in', tagIds)
      .execute())
      ids.add(row.article_id);
  if (authorIds.length > 0)
    for (const row of await trx
      .selectFrom('article_authors')
      .select('article_id')
      .where('author_id', 'in', authorIds)
      .execute())
      ids.add(row.article_id);
  return [...ids];
}

/**
 * The index's view of these articles (deleted or missing ones are left out); recommendations'
 * term vectors are made from the same documents.
 */
export async function searchDocuments(trx: Db, ids: number[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  const [articles, tags, authors] = await Promise.all([
    trx
      .selectFrom('articles')
      .select([
        'id',
        'locale',
        'headline',
        'dek',
        'body',
        'status',
        'section_id',
        'type',
        'published_at',
        'updated_at',
      ])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute(),
    trx
      .selectFrom('article_tags as at')
      .innerJoin('articles as a', 'a.id', 'at.article_id')
      .innerJoin('tag_translations as tt', (join) =>
        join.onRef('tt.tag_id', '=', 'at.tag_id').onRef('tt.locale', '=', 'a.locale'),
      )
      .select(['at.article_id', 'tt.name'])
      .where('at.article_id', 'in', ids)
      .execute(),
    trx
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'au.name'])
      .where('aa.article_id', 'in', ids)
      .execute(),
  ]);
  return articles.map((article) => ({
    articleId: article.id,
    locale: article.locale,
    headline: article.headline,
    dek: article.dek,
    body: bodyToText(JSON.parse(article.body) as BodyDoc),
    tags: tags
      .filter((tag) => tag.article_id === article.id)
      .map((tag) => tag.name)
      .join(' '),
    authors: authors
      .filter((author) => author.article_id === article.id)
      .map((author) => author.name)
      .join(' '),
    status: article.status,
    sectionId: article.section_id,
    type: article.type,
    publishedAt: article.published_at,
    updatedAt: article.updated_at,
  }));
}

/** What a re-index wrote: the documents of the articles that exist, and the ids removed. */
export interface Reindexed {
  documents: SearchDocument[];
  removedIds: number[];
}

/** Re-indexes these articles: writes the ones that exist, removes deleted and missing ones. */
export async function reindexArticles(
  db: Kysely<Database>,
  trx: Db,
  ids: number[],
): Promise<Reindexed> {
  if (ids.length === 0) return { documents: [], removedIds: [] };
  const engine = dialectFeatures(db).search;
  const documents = await searchDocuments(trx, ids);
  const kept = new Set(documents.map((document) => document.articleId));
  const removedIds = ids.filter((id) => !kept.has(id));
  await engine.remove(trx, removedIds);
  await engine.write(trx, documents);
  return { documents, removedIds };
}

/** Inside a write's transaction: re-index every article the change touched. */
export async function syncSearchIndex(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  changes: ChangeSet,
): Promise<Reindexed> {
  return reindexArticles(db, trx, await touchedArticleIds(trx, changes));
}

/**
 * Indexes articles written before the index existed (or while it was being rebuilt), in batches;
 * run once at start. Returns how many it indexed.
 */
export async function indexUnindexedArticles(db: Kysely<Database>, batch = 500): Promise<number> {
  const engine = dialectFeatures(db).search;
  let total = 0;
  for (;;) {
    const ids = await engine.unindexedArticleIds(db, batch);
    if (ids.length === 0) return total;
    await db.transaction().execute((trx) => reindexArticles(db, trx, ids));
    total += ids.length;
    if (ids.length < batch) return total;
  }
}
