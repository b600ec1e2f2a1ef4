/** Webhooks and their delivery log, as the newsroom's admins see them (never the secrets). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function listWebhooks(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'name', 'url', 'events', 'created_at'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    createdAt: row.created_at,
  }));
}

/** The newest attempts first, with what the receiver answered. */
export async function listWebhookDeliveries(db: Kysely<Database>, webhookId: number, limit = 50) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'event_type',
      'payload',
      'attempt',
      'status_code',
      'error',
      'duration_ms',
      'created_at',
    ])
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventType: row.event_type,
    eventId: (JSON.parse(row.payload) as { id?: string }).id ?? null,
    attempt: row.attempt,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  }));
}
