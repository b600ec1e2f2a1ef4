/** Webhook subscriptions, managed by admins: partner systems hear of published changes. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { enqueueJobs } from '../jobs/job-queue.js';
import { defineOperation } from '../operation.js';
import { adminsPolicy } from '../policy.js';
import { WEBHOOK_EVENTS, WEBHOOK_JOB } from '../webhooks/webhook-events.js';
import type { WebhookJobPayload } from '../webhooks/webhook-events.js';
import { idSchema, requiredText } from './input-schemas.js';

/**
 * Makes a subscription. The signing secret is generated here and returned once, for the
 * receiver's configuration; deliveries are signed with it.
 */
export const createWebhook = defineOperation({
  name: 'create a webhook',
  input: z.object({
    name: requiredText(80),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(', ')}` }))
      .min(1, 'choose at least one event'),
  }),
  policy: adminsPolicy,
  async run({ trx, now }, data) {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const { id } = await trx
      .insertInto('webhooks')
      .values({
        name: data.name,
        url: data.url,
        secret,
        events: JSON.stringify([...new Set(data.events)]),
        created_at: now.toISOString(),
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, secret };
  },
});

/** Stops deliveries to a webhook; its delivery log stays. */
export const deleteWebhook = defineOperation({
  name: 'delete a webhook',
  input: z.object({ id: idSchema }),
  policy: adminsPolicy,
  async run({ trx, now }, data) {
    const deleted = await trx
      .updateTable('webhooks')
      .set({ deleted_at: now.toISOString() })
      .where('id', '=', data.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(deleted.numUpdatedRows) === 0)
      throw new NotFoundError(`no active webhook with id ${data.id}`);
    return { id: data.id };
  },
});

/** Sends a logged delivery's event again, as a new job (the event keeps its id). */
export const redeliverWebhook = defineOperation({
  name: 'redeliver a webhook event',
  input: z.object({ webhookId: idSchema, deliveryId: idSchema }),
  policy: adminsPolicy,
  async run({ trx, now }, data) {
    const delivery = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.payload', 'w.id as webhook_id'])
      .where('d.id', '=', data.deliveryId)
      .where('d.webhook_id', '=', data.webhookId)
      .where('w.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!delivery)
      throw new NotFoundError(
        `webhook ${data.webhookId} has no delivery ${data.deliveryId} (or was deleted)`,
      );
    const payload: WebhookJobPayload = {
      webhookId: delivery.webhook_id,
      event: JSON.parse(delivery.payload) as WebhookJobPayload['event'],
    };
    const [jobId] = await enqueueJobs(trx, [{ kind: WEBHOOK_JOB, payload }], now);
    return { jobId: jobId ?? 0 };
  },
});
