/**
 * Identifies a client for rate limiting without storing its address: an HMAC of the address with
 * a secret this installation makes for itself on first use (kept in the database, so every
 * process hashes alike). A plain hash would not do: the IPv4 space is small enough to reverse it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

const SECRET_NAME = 'client-key-hmac';

/**
 * A random secret this installation made for itself under `name` (made on first use). Other
 * signing keys (e.g. the error-report form token) are kept the same way, each under its own name.
 */
export async function instanceSecret(
  db: Kysely<Database> | Transaction<Database>,
  name: string,
): Promise<string> {
  const existing = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return existing.value;
  // Two processes may race here; the primary key keeps the first, and both then read it.
  await db
    .insertInto('instance_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const created = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return created.value;
}

export async function clientKey(
  db: Kysely<Database> | Transaction<Database>,
  address: string,
): Promise<string> {
  return createHmac('sha256', await instanceSecret(db, SECRET_NAME))
    .update(address)
    .digest('base64url');
}

/**
 * `clientKey` with the secret read once, for a hot path (the error-report form's flood guard
 * hashes every submission's address before it touches the database). Secrets never change.
 */
export async function clientKeyHasher(db: Kysely<Database>): Promise<(address: string) => string> {
  const secret = await instanceSecret(db, SECRET_NAME);
  return (address) => createHmac('sha256', secret).update(address).digest('base64url');
}
