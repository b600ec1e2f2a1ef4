import { z } from 'zod';
import type { ArticleStatus } from '../../db/schema.js';
import { ConflictError } from '../errors.js';
import { defineOperation } from '../operation.js';
import type { Operation, OperationRun } from '../operation.js';
import { editorsPolicy, writersPolicy } from '../policy.js';
import type { Policy } from '../policy.js';
import { assertMayChangeArticle, findArticleToChange } from './article-support.js';
import { idSchema } from './input-schemas.js';

const input = z.object({ id: idSchema });

/** A step of the review workflow: from one status to the next, for those the policy names. */
function reviewStep(options: {
  name: string;
  from: ArticleStatus;
  to: ArticleStatus;
  policy: Policy;
  event: string;
}): Operation<{ id: number }, { id: number }> {
  return defineOperation({
    name: options.name,
    input,
    policy: options.policy,
    async run({ trx, actor, now, changes }: OperationRun, data) {
      const article = await findArticleToChange(trx, data.id);
      assertMayChangeArticle(actor, article, 'edit');
      if (article.status !== options.from)
        throw new ConflictError(
          'status',
          `the article is ${article.status.replace('_', ' ')}; only a ${options.from.replace('_', ' ')} article can go to ${options.to.replace('_', ' ')}`,
        );
      await trx
        .updateTable('articles')
        .set({ status: options.to, updated_at: now.toISOString() })
        .where('id', '=', article.id)
        .execute();
      changes.events.push({ type: options.event, id: article.id });
      return { id: article.id };
    },
  });
}

/** A writer hands a draft to the editors. Contributors may submit only their own. */
export const submitForReview = reviewStep({
  name: 'submit an article for review',
  from: 'draft',
  to: 'in_review',
  policy: writersPolicy,
  event: 'article.submitted',
});

/** An editor sends an article back to its writer. */
export const returnToDraft = reviewStep({
  name: 'return an article to its writer',
  from: 'in_review',
  to: 'draft',
  policy: editorsPolicy,
  event: 'article.returned',
});
