import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { StaffRole } from '../actor.js';
import { sessionIdFor } from './session-tokens.js';

export interface StaffSession {
  user: { id: number; email: string; name: string; role: StaffRole };
  csrfToken: string;
}

/** The live session a cookie token names, or null (unknown, expired, or account disabled). */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<StaffSession | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 's.csrf_token'])
    .where('s.id', '=', sessionIdFor(token))
    .where('s.expires_at', '>', now.toISOString())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    csrfToken: row.csrf_token,
  };
}

/** The staff member an API token acts for, or null (unknown, revoked, or account disabled). */
export async function findApiTokenUser(
  db: Kysely<Database>,
  token: string,
): Promise<StaffSession['user'] | null> {
  if (!token.startsWith('galley_') || token.length > 200) return null;
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('staff_users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role'])
    .where('t.token_hash', '=', sessionIdFor(token))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
}
