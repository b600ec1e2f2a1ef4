import { z } from 'zod';
import { ConflictError, ValidationError } from '../errors.js';
import { defineOperation } from '../operation.js';
import { publishersPolicy } from '../policy.js';
import {
  assertMayChangeArticle,
  findArticleToChange,
  assertReadyToPublish,
} from './article-support.js';
import { idSchema } from './input-schemas.js';

const input = z.object({
  id: idSchema,
  at: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset' }),
});

/**
 * Sets the time an article goes live. The scheduler in every Galley process publishes it then
 * (server/scheduler.ts); the schedule lives in the database, so it survives restarts.
 */
export const scheduleArticle = defineOperation({
  name: 'schedule an article',
  input,
  policy: publishersPolicy,
  async run({ trx, actor, now, changes }, data) {
    const article = await findArticleToChange(trx, data.id);
    assertMayChangeArticle(actor, article, 'publish');
    if (!['draft', 'in_review', 'scheduled'].includes(article.status))
      throw new ConflictError(
        'status',
        `the article is ${article.status}; only unpublished work can be scheduled`,
      );
    const at = new Date(data.at);
    if (at.getTime() <= now.getTime())
      throw new ValidationError('at', 'must be in the future; to publish now, publish');
    if (article.embargo_until !== null && at.getTime() < Date.parse(article.embargo_until))
      throw new ValidationError('at', `is before the embargo (${article.embargo_until})`);
    await assertReadyToPublish(trx, article);
    await trx
      .updateTable('articles')
      .set({ status: 'scheduled', scheduled_for: at.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', article.id)
      .execute();
    changes.events.push({ type: 'article.scheduled', id: article.id });
    return { id: article.id };
  },
});
