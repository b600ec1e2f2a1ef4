/** API tokens for scripts: make one (shown once), list yours, revoke one. */
import { runOperation } from '../../core/operation.js';
import { createApiToken, revokeApiToken } from '../../core/operations/index.js';
import { jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const tokenRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/tokens',
    policy: createApiToken.policy,
    summary: 'Your API tokens (names and dates; never the tokens themselves)',
    async handle(c, { db, actor }) {
      const userId = actor.kind === 'staff' ? actor.userId : 0;
      const tokens = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'created_at as createdAt', 'revoked_at as revokedAt'])
        .where('user_id', '=', userId)
        .orderBy('id', 'desc')
        .execute();
      return c.json({ tokens });
    },
  },
  {
    method: 'POST',
    path: '/tokens',
    policy: createApiToken.policy,
    summary: 'Make an API token; the response is the only place it ever appears',
    requestBody: createApiToken.input,
    async handle(c, { core, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      return c.json(await runOperation(core, createApiToken, actor, body), 201);
    },
  },
  {
    method: 'DELETE',
    path: '/tokens/:id',
    policy: revokeApiToken.policy,
    summary: 'Revoke one of your API tokens',
    async handle(c, { core, actor }) {
      const id = positiveIntParam(c.req.param('id'), 'id');
      await runOperation(core, revokeApiToken, actor, { id });
      return c.body(null, 204);
    },
  },
];
