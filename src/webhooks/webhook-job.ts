/**
 * The job that delivers one webhook event to one subscriber, and logs the attempt for the
 * newsroom's delivery log. A failed attempt throws, so the job runner retries it with back-off.
 */
import type { Kysely } from 'kysely';
import type { ClaimedJob } from '../core/jobs/job-queue.js';
import type { WebhookJobPayload } from '../core/webhooks/webhook-events.js';
import type { Database } from '../db/schema.js';
import { deliverWebhook } from './deliver-webhook.js';

export class DeliveryFailed extends Error {}

export async function runWebhookJob(
  db: Kysely<Database>,
  job: ClaimedJob,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const { webhookId, event } = job.payload as WebhookJobPayload;
  const webhook = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'secret'])
    .where('id', '=', webhookId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  // Deleted since the event: nobody to tell.
  if (!webhook) return;
  const body = JSON.stringify(event);
  const outcome = await deliverWebhook(webhook, event, body, options);
  await db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: webhook.id,
      job_id: job.id,
      event_type: event.type,
      payload: body,
      attempt: job.attempt,
      status_code: outcome.statusCode,
      error: outcome.error,
      duration_ms: outcome.durationMs,
      created_at: new Date().toISOString(),
    })
    .execute();
  if (!outcome.ok) throw new DeliveryFailed(outcome.error ?? 'delivery failed');
}
