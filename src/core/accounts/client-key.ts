/**
 * Identifies a client for rate limiting without storing its address: an HMAC of the address with
 * a secret this installation makes for itself on first use (kept in the database, so every
 * process hashes alike). A plain hash would not do: the IPv4 space is small enough to reverse it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

const SECRET_NAME = 'client-key-hmac';

async function clientKeySecret(db: Kysely<Database> | Transaction<Database>): Promise<string> {
  const existing = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', SECRET_NAME)
    .executeTakeFirst();
  if (existing) return existing.value;
  // Two processes may race here; the primary key keeps the first, and both then read it.
  await db
    .insertInto('instance_secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const created = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', SECRET_NAME)
    .executeTakeFirstOrThrow();
  return created.value;
}

export async function clientKey(
  db: Kysely<Database> | Transaction<Database>,
  address: string,
): Promise<string> {
  return createHmac('sha256', await clientKeySecret(db))
    .update(address)
    .digest('base64url');
}
