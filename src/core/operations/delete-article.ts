import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema } from './input-schemas.js';
import {
  addArticleCacheKeys,
  articlePath,
  findArticleToChange,
  markPathGone,
} from './article-support.js';

const input = z.object({ id: idSchema });

/**
 * Deletes an article, as an editor's deliberate act separate from unpublishing. The row stays as
 * a tombstone with its revisions (history is never lost): the newsroom no longer lists it, no
 * operation changes it again, and its URL answers 410 Gone, like any redirect that led there.
 */
export const deleteArticle = defineOperation({
  name: 'delete an article',
  input,
  policy: editorsPolicy,
  async run({ trx, now, changes }, data) {
    const article = await findArticleToChange(trx, data.id);
    await addArticleCacheKeys(trx, article.id, changes);
    await trx
      .updateTable('articles')
      .set({
        status: 'unpublished',
        scheduled_for: null,
        deleted_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', article.id)
      .execute();
    // Only a URL readers could have seen needs to say "gone"; a draft's never existed for them.
    if (article.published_at !== null)
      await markPathGone(trx, await articlePath(trx, article), now, changes);
    changes.events.push({ type: 'article.deleted', id: article.id });
    return { id: article.id };
  },
});
