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
 * Takes an article off the site. Its URL answers 410 Gone (not 404), which tells readers and
 * search engines the removal was deliberate.
 */
export const unpublishArticle = defineOperation({
  name: 'unpublish an article',
  input,
  // Taking a story down is an editor's call, not its author's.
  policy: editorsPolicy,
  async run({ trx, now, changes }, data) {
    const article = await findArticleToChange(trx, data.id);
    await addArticleCacheKeys(trx, article.id, changes);
    if (article.status !== 'published') return { id: article.id };
    await trx
      .updateTable('articles')
      .set({ status: 'unpublished', updated_at: now.toISOString() })
      .where('id', '=', article.id)
      .execute();
    await markPathGone(trx, await articlePath(trx, article), now, changes);
    changes.events.push({ type: 'article.unpublished', id: article.id });
    return { id: article.id };
  },
});
