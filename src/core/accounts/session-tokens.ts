/** Session tokens: random, sent only in the cookie, stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
