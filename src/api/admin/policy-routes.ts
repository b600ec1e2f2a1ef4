/** The publication's policy pages, for admins: read them all, write one per kind and locale. */
import { ValidationError } from '../../core/errors.js';
import { listPolicyPages } from '../../core/newsroom/policy-pages-for-admin.js';
import { runOperation } from '../../core/operation.js';
import { updatePolicyPage } from '../../core/operations/index.js';
import { policyPageText } from '../../core/operations/update-policy-page.js';
import { jsonObject } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

export const policyRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/policies',
    policy: updatePolicyPage.policy,
    summary:
      'Every policy page (ethics, corrections, masthead, ...) in every locale, written or not',
    handle: async (c, { db }) => c.json({ policies: await listPolicyPages(db) }),
  },
  {
    method: 'PUT',
    path: '/policies/:kind/:locale',
    policy: updatePolicyPage.policy,
    summary: 'Write a policy page in one locale (title and body); the first write creates it',
    requestBody: policyPageText,
    async handle(c, { core, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      // The page is named by the path; a body naming another one is a mistake, not a move.
      for (const field of ['kind', 'locale'] as const) {
        const inPath = c.req.param(field);
        if (body[field] !== undefined && body[field] !== inPath)
          throw new ValidationError(field, `does not match the path ("${inPath}")`);
      }
      const input = { ...body, kind: c.req.param('kind'), locale: c.req.param('locale') };
      return c.json(await runOperation(core, updatePolicyPage, actor, input));
    },
  },
];
