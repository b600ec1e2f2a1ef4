/** The newsroom's article routes: list, read, create, edit, publish, unpublish. */
import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../../lib/search-text.js';
import { findRevision, listRevisions } from '../../core/newsroom/article-revisions.js';
import {
  findArticleDetailForStaff,
  listArticlesForStaff,
} from '../../core/newsroom/articles-for-staff.js';
import { GoneError, NotFoundError, ValidationError } from '../../core/errors.js';
import { runOperation } from '../../core/operation.js';
import type { Operation } from '../../core/operation.js';
import {
  createArticle,
  createTranslation,
  deleteArticle,
  publishArticle,
  restoreRevision,
  returnToDraft,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
} from '../../core/operations/index.js';
import type { Kysely } from 'kysely';
import { ARTICLE_STATUSES } from '../../db/schema.js';
import type { Database } from '../../db/schema.js';
import { articleEdits } from '../../core/operations/article-support.js';
import { anyStaff, jsonObject, pageParam, parsedQuery, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';
import { contentSecurityPolicy } from '../../http/page-cache.js';
import type { RenderedPage } from '../../http/page-cache.js';

const PAGE_SIZE = 50;
/**
 * The reader page's own policy (with what it needs: the player's script, same-origin video),
 * except that the newsroom app may frame its own preview and nothing in it submits.
 */
const previewPolicy = (page: RenderedPage) =>
  contentSecurityPolicy(page.allowances)
    .replace("frame-ancestors 'none'", "frame-ancestors 'self'")
    .replace("form-action 'self'", "form-action 'none'");

const listQuery = z.object({
  status: z
    .enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(', ')}` })
    .optional(),
  locale: z.enum(['en', 'es'], { error: 'must be "en" or "es"' }).optional(),
  sectionId: z.coerce.number({ error: 'must be a whole number' }).int().positive().optional(),
  authorId: z.coerce.number({ error: 'must be a whole number' }).int().positive().optional(),
  /** Words anywhere in the article (full-text); a longer query is cut, as search does. */
  q: z
    .string()
    .transform((value) => value.slice(0, MAX_QUERY_CHARS).trim())
    .optional(),
  page: pageParam,
});

const articleId = (raw: string | undefined) => positiveIntParam(raw, 'id');

/** The article as the editor sees it; a deleted one is gone (410), a missing one 404. */
async function articleDetail(db: Kysely<Database>, id: number) {
  const article = await findArticleDetailForStaff(db, id);
  if (!article) throw new NotFoundError(`no article with id ${id}`);
  if (article.deletedAt !== null) throw new GoneError(`article ${id} was deleted`);
  return article;
}

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
      return c.json({ article: await articleDetail(db, id) }, status);
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
      const filter = parsedQuery(c, listQuery);
      return c.json(await listArticlesForStaff(db, { ...filter, pageSize: PAGE_SIZE }));
    },
  },
  {
    method: 'GET',
    path: '/articles/:id',
    policy: anyStaff,
    summary: 'One article, with its body, for editing',
    async handle(c, { db }) {
      return c.json({ article: await articleDetail(db, articleId(c.req.param('id'))) });
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
      return c.json({ article: await articleDetail(db, id) }, 201);
    },
  },
  {
    method: 'PATCH',
    path: '/articles/:id',
    policy: updateArticle.policy,
    summary: 'Edit an article; a stale expectedVersion gets 409 with currentVersion',
    requestBody: articleEdits.extend({ expectedVersion: z.number().int().positive() }),
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
      return c.json({ article: await articleDetail(db, id) });
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
      return c.json({ article: await articleDetail(db, id) });
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
      await articleDetail(db, id);
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
  {
    method: 'POST',
    path: '/articles/:id/revisions/:version/restore',
    policy: restoreRevision.policy,
    summary: 'Restore an earlier revision as a new one; a stale expectedVersion gets 409',
    requestBody: z.object({ expectedVersion: z.number().int().positive() }),
    async handle(c, { core, db, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id } = await runOperation(core, restoreRevision, actor, {
        id: articleId(c.req.param('id')),
        version: positiveIntParam(c.req.param('version'), 'version'),
        expectedVersion: body['expectedVersion'],
      });
      return c.json({ article: await articleDetail(db, id) });
    },
  },
  {
    method: 'DELETE',
    path: '/articles/:id',
    policy: deleteArticle.policy,
    summary: 'Delete an article: a tombstone stays, and its public URL answers 410',
    async handle(c, { core, actor }) {
      await runOperation(core, deleteArticle, actor, { id: articleId(c.req.param('id')) });
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/articles/:id/preview',
    policy: anyStaff,
    summary: 'The article as saved now, rendered exactly as the reader site will show it (HTML)',
    async handle(c, { db, previewArticle }) {
      const id = articleId(c.req.param('id'));
      await articleDetail(db, id);
      const page = await previewArticle(id);
      if (!page) throw new NotFoundError(`no article with id ${id}`);
      return c.body(new Uint8Array(page.body), 200, {
        'content-type': page.contentType,
        // The reader pages' policy, except that the newsroom app may frame its own preview.
        'content-security-policy': previewPolicy(page),
        'x-robots-tag': 'noindex, nofollow',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'x-frame-options': 'SAMEORIGIN',
      });
    },
  },
];
