import { z } from 'zod';
import { cacheKey } from '../change-set.js';
import { NotFoundError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { editorsPolicy } from '../policy.js';
import { idSchema } from './input-schemas.js';
import { addArticleCacheKeys, articlePath } from './article-support.js';

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
    const article = await trx
      .selectFrom('articles')
      .select(['id', 'locale', 'slug', 'section_id', 'status'])
      .where('id', '=', data.id)
      .executeTakeFirst();
    if (!article) throw new NotFoundError(`no article with id ${data.id}`);
    await addArticleCacheKeys(trx, article.id, changes);
    if (article.status !== 'published') return { id: article.id };
    await trx
      .updateTable('articles')
      .set({ status: 'unpublished', updated_at: now.toISOString() })
      .where('id', '=', article.id)
      .execute();
    const path = await articlePath(trx, article);
    await trx
      .insertInto('redirects')
      .values({ from_path: path, to_path: null, status_code: 410, created_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.column('from_path').doUpdateSet({ to_path: null, status_code: 410 }),
      )
      .execute();
    changes.cacheKeys.add(cacheKey.redirects);
    changes.events.push({ type: 'article.unpublished', id: article.id });
    return { id: article.id };
  },
});
