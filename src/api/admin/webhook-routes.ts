/** Webhooks, for admins: subscribe, unsubscribe, read the delivery log, redeliver. */
import { NotFoundError } from '../../core/errors.js';
import { listWebhookDeliveries, listWebhooks } from '../../core/newsroom/webhooks-for-admin.js';
import { runOperation } from '../../core/operation.js';
import { createWebhook, deleteWebhook, redeliverWebhook } from '../../core/operations/index.js';
import { jsonObject, positiveIntParam } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const webhookId = (raw: string | undefined) => positiveIntParam(raw, 'id');

export const webhookRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/webhooks',
    policy: createWebhook.policy,
    summary: 'Webhook subscriptions: where events go, and which events',
    handle: async (c, { db }) => c.json({ webhooks: await listWebhooks(db) }),
  },
  {
    method: 'POST',
    path: '/webhooks',
    policy: createWebhook.policy,
    summary: 'Subscribe a URL to events; the signing secret is in this response only',
    requestBody: createWebhook.input,
    async handle(c, { core, actor }) {
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      return c.json(await runOperation(core, createWebhook, actor, body), 201);
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks/:id',
    policy: deleteWebhook.policy,
    summary: 'Stop deliveries to a webhook (its log stays)',
    async handle(c, { core, actor }) {
      await runOperation(core, deleteWebhook, actor, { id: webhookId(c.req.param('id')) });
      return c.body(null, 204);
    },
  },
  {
    method: 'GET',
    path: '/webhooks/:id/deliveries',
    policy: createWebhook.policy,
    summary: "A webhook's delivery attempts, newest first, with the receiver's answers",
    async handle(c, { db }) {
      const id = webhookId(c.req.param('id'));
      if (!(await listWebhooks(db)).some((hook) => hook.id === id))
        throw new NotFoundError(`no active webhook with id ${id}`);
      return c.json({ deliveries: await listWebhookDeliveries(db, id) });
    },
  },
  {
    method: 'POST',
    path: '/webhooks/:id/deliveries/:deliveryId/redeliver',
    policy: redeliverWebhook.policy,
    summary: 'Send a logged event again (it keeps its event id, for de-duplication)',
    async handle(c, { core, actor }) {
      const result = await runOperation(core, redeliverWebhook, actor, {
        webhookId: webhookId(c.req.param('id')),
        deliveryId: positiveIntParam(c.req.param('deliveryId'), 'deliveryId'),
      });
      return c.json(result, 202);
    },
  },
];
