import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StaffRole } from '../actor.js';
import { clientKey } from '../accounts/client-key.js';
import { clearFailures, lockedForSeconds, recordFailure } from '../accounts/login-throttle.js';
import { PASSWORD_MAX_LENGTH, verifyPassword } from '../accounts/passwords.js';
import { newToken, SESSION_LIFETIME_MS, sessionIdFor } from '../accounts/session-tokens.js';
import { defineOperation } from '../operation.js';

const input = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((email) => email.toLowerCase()),
  // Long inputs are refused before hashing: argon2 on megabytes is a cheap denial of service.
  password: z.string().max(PASSWORD_MAX_LENGTH),
  /** The client's network address, hashed before it is stored or compared. */
  clientAddress: z.string().max(100),
});

export type LogInResult =
  | {
      ok: true;
      token: string;
      csrfToken: string;
      user: { id: number; email: string; name: string; role: StaffRole };
    }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Checks a password and opens a session. A failure is a result, not an error, because the
 * failure itself must be stored (the throttle) and an error would roll the transaction back.
 * The answer is the same whether or not the account exists, and takes as long.
 */
export const logIn = defineOperation({
  name: 'log in',
  input,
  policy: { staff: ['contributor', 'author', 'editor', 'admin'], system: false, anonymous: true },
  async run({ trx, now }, data): Promise<LogInResult> {
    const keys = [`account:${data.email}`, `client:${await clientKey(trx, data.clientAddress)}`];
    const locked = await lockedForSeconds(trx, keys, now);
    if (locked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: locked };

    const user = await trx
      .selectFrom('staff_users')
      .select(['id', 'email', 'name', 'role', 'password_hash', 'disabled_at'])
      .where('email', '=', data.email)
      .executeTakeFirst();
    const isValid = await verifyPassword(
      user && user.disabled_at === null ? user.password_hash : null,
      data.password,
    );
    if (!user || !isValid) {
      await recordFailure(trx, keys, now);
      return { ok: false, reason: 'invalid' };
    }
    await clearFailures(trx, keys);
    const token = newToken();
    const csrfToken = randomBytes(24).toString('base64url');
    await trx
      .insertInto('staff_sessions')
      .values({
        id: sessionIdFor(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      })
      .execute();
    return {
      ok: true,
      token,
      csrfToken,
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
    };
  },
});
