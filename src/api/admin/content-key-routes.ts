/** Content API keys, managed by editors: list, create (the key is shown once), revoke. */
import { listContentApiKeys } from '../../core/reader/content-api-keys.js';
import { runOperation } from '../../core/operation.js';
import { createContentApiKey, revokeContentApiKey } from '../../core/operations/index.js';
import { jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const contentKeyRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/content-keys',
    policy: createContentApiKey.policy,
    summary: 'Content API keys: who reads published content, from which browser origins',
    handle: async (c, { db }) => c.json({ keys: await listContentApiKeys(db) }),
  },
  {
    method: 'POST',
    path: '/content-keys',
    policy: createContentApiKey.policy,
    summary: 'Create a Content API key; the key is in this response only',
    requestBody: createContentApiKey.input,
    async handle(c, { core, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const { id, key } = await runOperation(core, createContentApiKey, actor, body);
      return c.json({ id, key }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/content-keys/:id',
    policy: revokeContentApiKey.policy,
    summary: 'Revoke a Content API key; requests with it get 401 from then on',
    async handle(c, { core, actor }) {
      await runOperation(core, revokeContentApiKey, actor, {
        id: positiveIntParam(c.req.param('id'), 'id'),
      });
      return c.body(null, 204);
    },
  },
];
