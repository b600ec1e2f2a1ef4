/**
 * Keeps recommendations in step with the articles. Inside every write's transaction (after the
 * search index, from the same documents) an article's term vector is written again, and a job is
 * queued to compute again the blocks the change may alter; the job runs within a second.
 */
import type { Kysely, Transaction } from 'kysely';
import type { SearchDocument } from '../../db/dialect-features.js';
import type { Database } from '../../db/schema.js';
import type { ChangeSet } from '../change-set.js';
import { searchDocuments } from '../search/search-index.js';
import type { Reindexed } from '../search/search-index.js';
import { enqueueRecommendationRefresh } from './refresh-queue.js';
import { termVector } from './term-vector.js';

type Db = Kysely<Database> | Transaction<Database>;

async function writeVectors(trx: Db, documents: SearchDocument[], now: Date): Promise<void> {
  for (const document of documents) {
    const terms = JSON.stringify(termVector(document, document.locale));
    await trx
      .insertInto('recommendation_vectors')
      .values({
        article_id: document.articleId,
        locale: document.locale,
        terms,
        updated_at: now.toISOString(),
      })
      .onConflict((conflict) =>
        conflict
          .column('article_id')
          .doUpdateSet({ locale: document.locale, terms, updated_at: now.toISOString() }),
      )
      .execute();
  }
}

/** Inside a write's transaction, with what the search index just re-indexed. */
export async function syncRecommendations(
  trx: Transaction<Database>,
  changes: ChangeSet,
  reindexed: Reindexed,
  now: Date,
): Promise<void> {
  await writeVectors(trx, reindexed.documents, now);
  if (reindexed.removedIds.length > 0)
    await trx
      .deleteFrom('recommendation_vectors')
      .where('article_id', 'in', reindexed.removedIds)
      .execute();
  // Only changes to articles readers can see (or just stopped seeing) move recommendations: a
  // draft's autosave must not cost a refresh, and a renamed tag keeps its id.
  const published = new Set(
    reindexed.documents.filter((d) => d.status === 'published').map((d) => d.articleId),
  );
  const changedIds = [
    ...new Set(
      changes.events
        .filter(
          (event) =>
            (event.type.startsWith('article.') && published.has(event.id)) ||
            event.type === 'article.unpublished' ||
            event.type === 'article.deleted',
        )
        .map((event) => event.id),
    ),
  ];
  await enqueueRecommendationRefresh(trx, { articleIds: [], changedIds }, now);
}

/**
 * Vectors for articles written before recommendations existed; run once at start, in batches.
 * Returns how many it wrote.
 */
export async function vectorizeMissingArticles(
  db: Kysely<Database>,
  now: Date,
  batch = 500,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom('articles as a')
      .select('a.id')
      .where('a.deleted_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('recommendation_vectors as v')
              .select('v.article_id')
              .whereRef('v.article_id', '=', 'a.id'),
          ),
        ),
      )
      .limit(batch)
      .execute();
    if (rows.length === 0) return total;
    const documents = await searchDocuments(
      db,
      rows.map((row) => row.id),
    );
    await db.transaction().execute((trx) => writeVectors(trx, documents, now));
    total += documents.length;
    if (rows.length < batch) return total;
  }
}
