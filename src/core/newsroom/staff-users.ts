/** The staff accounts, for admins: who has access, with which role, and whether it is live. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function listStaffUsers(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'name', 'role', 'created_at', 'disabled_at'])
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  }));
}

export async function findStaffUserEmail(db: Kysely<Database>, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('staff_users')
    .select('email')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.email ?? null;
}
