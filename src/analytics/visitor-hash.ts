/**
 * Visitors counted without identifying anyone: a visitor is the truncated SHA-256 of the day's
 * salt, the client's address, its user agent and the site's host. The salt is random, one per
 * UTC day, made on demand by the first event of the day and deleted after 48 hours (prune.ts);
 * once it is gone, nobody (the newsroom included) can tell whether two days' visitors were the
 * same person, or recompute a visitor from an address. The address itself is never stored or
 * logged: it lives only in this hash's input.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Hex characters kept of the hash: 128 bits, plenty against collisions among a day's readers. */
const VISITOR_HASH_LENGTH = 32;

/** The UTC day of a moment, as salts are keyed: `2026-11-28`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The day's salt, made by whichever process asks first (the primary key keeps one). */
export async function saltForDay(db: Kysely<Database>, day: string, now: Date): Promise<string> {
  const existing = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirst();
  if (existing) return existing.salt;
  await db
    .insertInto('analytics_salts')
    .values({ day, salt: randomBytes(32).toString('base64url'), created_at: now.toISOString() })
    .onConflict((conflict) => conflict.column('day').doNothing())
    .execute();
  const created = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return created.salt;
}

export interface VisitorInput {
  address: string;
  userAgent: string;
  /** The site's host (from its public URL), so two sites on one database count apart. */
  siteHost: string;
}

export function visitorHash(salt: string, input: VisitorInput): string {
  return createHash('sha256')
    .update(`${salt}\n${input.address}\n${input.userAgent}\n${input.siteHost}`)
    .digest('hex')
    .slice(0, VISITOR_HASH_LENGTH);
}

/**
 * Hashes visitors with the current day's salt, kept in memory for the day (one database read per
 * process and day, not per event).
 */
export class VisitorHasher {
  private current: { day: string; salt: Promise<string> } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async visitor(input: VisitorInput, now: Date): Promise<string> {
    const day = utcDay(now);
    if (this.current?.day !== day) {
      const salt = saltForDay(this.db, day, now);
      this.current = { day, salt };
      // A failed read must not stick for the rest of the day.
      salt.catch(() => {
        if (this.current?.salt === salt) this.current = undefined;
      });
    }
    return visitorHash(await this.current.salt, input);
  }
}
