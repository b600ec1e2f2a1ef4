/** Looking up Content API keys: who is calling, and which browser origins may. */
import type { Kysely } from 'kysely';
import { sessionIdFor } from '../accounts/session-tokens.js';
import type { Database } from '../../db/schema.js';

export interface ContentApiConsumer {
  id: number;
  name: string;
  allowedOrigins: string[];
}

export async function findContentApiConsumer(
  db: Kysely<Database>,
  key: string,
): Promise<ContentApiConsumer | null> {
  const row = await db
    .selectFrom('content_api_keys')
    .select(['id', 'name', 'allowed_origins'])
    .where('key_hash', '=', sessionIdFor(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, allowedOrigins: JSON.parse(row.allowed_origins) as string[] }
    : null;
}

/** Every live key, for the newsroom's list (never the keys themselves). */
export async function listContentApiKeys(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('content_api_keys')
    .select(['id', 'name', 'allowed_origins', 'created_at', 'revoked_at'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));
}

/**
 * Whether some live key lets this origin call. A CORS preflight carries no Authorization header,
 * so it cannot say which key will follow; the real request is checked against its own key.
 */
export async function isOriginAllowedByAnyKey(
  db: Kysely<Database>,
  origin: string,
): Promise<boolean> {
  const rows = await db
    .selectFrom('content_api_keys')
    .select('allowed_origins')
    .where('revoked_at', 'is', null)
    .execute();
  return rows.some((row) => {
    const origins = JSON.parse(row.allowed_origins) as string[];
    return origins.includes('*') || origins.includes(origin);
  });
}
