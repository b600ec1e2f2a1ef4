/** The newsroom's article routes: list, read, create, edit, publish, unpublish. */
import { z } from 'zod';
import { findRevision, listRevisions } from '../../core/newsroom/article-revisions.js';
import {
  findArticleForStaff,
  listArticlesForStaff,
} from '../../core/newsroom/articles-for-staff.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { runOperation } from '../../core/operation.js';
import type { Operation } from '../../core/operation.js';
import {
  createArticle,
  createTranslation,
  publishArticle,
  returnToDraft,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
} from '../../core/operations/index.js';
import { ARTICLE_STATUSES } from '../../db/schema.js';
import { articleFields } from '../../core/operations/article-support.js';
import { anyStaff, jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const PAGE_SIZE = 50;

const listQuery = z.object({
  status: z
    .enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(', ')}` })
    .optional(),
  locale: z.enum(['en', 'es'], { error: 'must be "en" or "es"' }).optional(),
  page: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1)
    .max(100_000)
    .default(1),
});

const articleId = (raw: string | undefined) => positiveIntParam(raw, 'id');

/** `POST /articles/:id/<action>`: an operation that takes only the article's id. */
function articleAction(
  action: string,
  operation: Operation<{ id: number }, { id: number }>,
  status: 200 | 201 = 200,
): AdminRoute {
  return {
    method: 'POST',
    path: `/articles/:id/${action}`,
    policy: operation.policy,
    summary: `${operation.name[0]?.toUpperCase() ?? ''}${operation.name.slice(1)}`,
    async handle(c, { core, db, actor }) {
      const { id } = await runOperation(core, operation, actor, {
        id: articleId(c.req.param('id')),
      });
      return c.json({ article: await findArticleForStaff(db, id) }, status);
    },
  };
}

export const articleRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/articles',
    policy: anyStaff,
    summary: 'List articles in every status, most recently changed first',
    query: listQuery,
    async handle(c, { db }) {
      const parsed = listQuery.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ValidationError(issue?.path.join('.') || 'query', issue?.message ?? 'invalid');
      }
      return c.json(await listArticlesForStaff(db, { ...parsed.data, pageSize: PAGE_SIZE }));
    },
  },
  {
    method: 'GET',
    path: '/articles/:id',
    policy: anyStaff,
    summary: 'One article, with its body, for editing',
    async handle(c, { db }) {
      const article = await findArticleForStaff(db, articleId(c.req.param('id')));
      if (!article) throw new NotFoundError(`no article with id ${c.req.param('id')}`);
      return c.json({ article });
    },
  },
  {
    method: 'POST',
    path: '/articles',
    policy: createArticle.policy,
    summary: 'Create a draft',
    requestBody: createArticle.input,
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, createArticle, actor, body);
      return c.json({ article: await findArticleForStaff(db, id) }, 201);
    },
  },
  {
    method: 'PATCH',
    path: '/articles/:id',
    policy: updateArticle.policy,
    summary: 'Edit an article; a stale expectedVersion gets 409 with currentVersion',
    requestBody: articleFields.partial().extend({ expectedVersion: z.number().int().positive() }),
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      // Every edit says which version it was based on, so no save silently overwrites another.
      if (typeof body['expectedVersion'] !== 'number')
        throw new ValidationError(
          'expectedVersion',
          'is required: send the version you started from',
        );
      const { id } = await runOperation(core, updateArticle, actor, {
        ...body,
        id: articleId(c.req.param('id')),
      });
      return c.json({ article: await findArticleForStaff(db, id) });
    },
  },
  articleAction('submit', submitForReview),
  articleAction('return-to-draft', returnToDraft),
  {
    method: 'POST',
    path: '/articles/:id/schedule',
    policy: scheduleArticle.policy,
    summary: 'Schedule an article to go live at a given time',
    requestBody: z.object({ at: z.string() }),
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, scheduleArticle, actor, {
        at: body['at'],
        id: articleId(c.req.param('id')),
      });
      return c.json({ article: await findArticleForStaff(db, id) });
    },
  },
  articleAction('publish', publishArticle),
  articleAction('unpublish', unpublishArticle),
  // The other-language version: a new, linked draft.
  articleAction('translations', createTranslation, 201),
  {
    method: 'GET',
    path: '/articles/:id/revisions',
    policy: anyStaff,
    summary: "An article's saved versions, newest first: who, when and why",
    async handle(c, { db }) {
      const id = articleId(c.req.param('id'));
      if (!(await findArticleForStaff(db, id))) throw new NotFoundError(`no article with id ${id}`);
      return c.json({ revisions: await listRevisions(db, id) });
    },
  },
  {
    method: 'GET',
    path: '/articles/:id/revisions/:version',
    policy: anyStaff,
    summary: 'One saved version of an article, with everything it said',
    async handle(c, { db }) {
      const id = articleId(c.req.param('id'));
      const version = positiveIntParam(c.req.param('version'), 'version');
      const revision = await findRevision(db, id, version);
      if (!revision) throw new NotFoundError(`article ${id} has no version ${version}`);
      return c.json({ revision });
    },
  },
];
