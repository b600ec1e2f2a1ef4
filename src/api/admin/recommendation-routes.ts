/**
 * An article's Recommended block in the newsroom: the editors' choices (pinned and excluded
 * stories) beside the block as last computed, and replacing the choices. The block itself is
 * computed by a job after each change, so a PUT answers with the choices and the block as it
 * still stands; the newsroom app reads it again a moment later.
 */
import type { Kysely } from 'kysely';
import { GoneError, NotFoundError } from '../../core/errors.js';
import { findRecommendationsForStaff } from '../../core/newsroom/recommendations-for-staff.js';
import { runOperation } from '../../core/operation.js';
import { setRecommendationChoices } from '../../core/operations/index.js';
import { recommendationChoicesBody } from '../../core/operations/recommendation-choices.js';
import type { Database } from '../../db/schema.js';
import { anyStaff, jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const articleIdParam = (raw: string | undefined) => positiveIntParam(raw, 'id');

/** The article must exist and not be deleted before its block is read. */
async function assertArticleExists(db: Kysely<Database>, id: number): Promise<void> {
  const article = await db
    .selectFrom('articles')
    .select('deleted_at')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!article) throw new NotFoundError(`no article with id ${id}`);
  if (article.deleted_at !== null) throw new GoneError(`article ${id} was deleted`);
}

export const recommendationRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles/:id/recommendations',
    policy: anyStaff,
    summary:
      "An article's Recommended block: the stories pinned (in order) and excluded, and the block as last computed",
    async handle(c, { db }) {
      const id = articleIdParam(c.req.param('id'));
      await assertArticleExists(db, id);
      return c.json(await findRecommendationsForStaff(db, id));
    },
  },
  {
    method: 'PUT',
    path: '/articles/:id/recommendations',
    policy: setRecommendationChoices.policy,
    summary:
      "Replace the stories pinned to (at most 3, published) and excluded from (at most 50) an article's Recommended block; the block is computed again within seconds",
    requestBody: recommendationChoicesBody,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { articleId } = await runOperation(core, setRecommendationChoices, actor, {
        ...body,
        articleId: articleIdParam(c.req.param('id')),
      });
      return c.json(await findRecommendationsForStaff(db, articleId));
    },
  },
];
