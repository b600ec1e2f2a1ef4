import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Locale } from '../../db/schema.js';
import type { ChangeSet } from '../change-set.js';
import { cacheKey } from '../change-set.js';
import { ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { publishersPolicy } from '../policy.js';
import { idSchema } from './input-schemas.js';
import {
  addArticleCacheKeys,
  articlePath,
  assertMayChangeArticle,
  findArticleToChange,
  assertReadyToPublish,
} from './article-support.js';

const input = z.object({
  id: idSchema,
  /** Defaults to now. A time in the past back-dates (imports, the demo); for the future, schedule. */
  publishedAt: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' }).optional(),
});

/** Puts an article in front of readers. */
export const publishArticle = defineOperation({
  name: 'publish an article',
  input,
  policy: publishersPolicy,
  async run({ trx, actor, now, changes }, data) {
    const article = await findArticleToChange(trx, data.id);
    assertMayChangeArticle(actor, article, 'publish');
    // The embargo binds everyone, editors and the system included.
    if (article.embargo_until !== null && Date.parse(article.embargo_until) > now.getTime())
      throw new ValidationError(
        'embargoUntil',
        `the article is embargoed until ${article.embargo_until}`,
      );
    await assertReadyToPublish(trx, article);
    const publishedAt = data.publishedAt ? new Date(data.publishedAt) : now;
    if (publishedAt.getTime() > now.getTime() + 1000)
      throw new ValidationError('publishedAt', 'is in the future; schedule the article instead');
    await trx
      .updateTable('articles')
      .set({
        status: 'published',
        // Re-publishing keeps the original date: readers and search engines saw it then.
        published_at: article.published_at ?? publishedAt.toISOString(),
        updated_at: now.toISOString(),
        scheduled_for: null,
      })
      .where('id', '=', article.id)
      .execute();
    await afterPublishing(trx, article, changes);
    return { id: article.id };
  },
});

/** What follows any publication, by hand or by the scheduler: the URL lives again, caches drop. */
export async function afterPublishing(
  trx: Transaction<Database>,
  article: { id: number; locale: Locale; slug: string; section_id: number },
  changes: ChangeSet,
): Promise<void> {
  // A page that was gone (410) is back.
  await trx
    .deleteFrom('redirects')
    .where('from_path', '=', await articlePath(trx, article))
    .execute();
  changes.cacheKeys.add(cacheKey.redirects);
  await addArticleCacheKeys(trx, article.id, changes);
  changes.events.push({ type: 'article.published', id: article.id });
}
