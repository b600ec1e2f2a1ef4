/**
 * The signed token in every error-report form. It proves, without any server-side state, that a
 * submission comes from a form this site rendered for that article, and when: the token carries
 * the time the form was made and the article's id, signed with an HMAC key this installation
 * keeps in `instance_secrets`.
 *
 * It does three jobs:
 * - the minimum fill time: a person needs a few seconds to write a report; a bot posting at once
 *   is too fast (and is answered as if it had succeeded);
 * - CSRF-like protection for an anonymous form: a cross-site page cannot read a token from our
 *   page, and the token is bound to one article (an Origin check, when the browser sends one,
 *   comes on top, in the site's route);
 * - expiry: a form left open for longer than a day must be sent again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { instanceSecret } from '../accounts/client-key.js';

const SECRET_NAME = 'error-report-form-hmac';

/** People take longer than this to read a form and write a report; scripts do not. */
export const MIN_FILL_MS = 3000;
/** A form older than this must be sent again (a fresh one is shown, with the reader's text). */
export const FORM_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

type Db = Kysely<Database> | Transaction<Database>;

const mac = (secret: string, articleId: number, issuedAtMs: number) =>
  createHmac('sha256', secret).update(`error-report:${articleId}:${issuedAtMs}`).digest();

/** A token for a form about `articleId`, made at `now`. */
export async function signFormToken(db: Db, articleId: number, now: Date): Promise<string> {
  const issuedAtMs = now.getTime();
  const secret = await instanceSecret(db, SECRET_NAME);
  return `${issuedAtMs}.${articleId}.${mac(secret, articleId, issuedAtMs).toString('base64url')}`;
}

export type FormTokenCheck =
  | { valid: true; ageMs: number }
  /** Missing, forged, for another article, from the future, or older than the lifetime. */
  | { valid: false };

export async function checkFormToken(
  db: Db,
  token: string,
  articleId: number,
  now: Date,
): Promise<FormTokenCheck> {
  const match = /^(\d{1,15})\.(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2] || !match[3]) return { valid: false };
  const issuedAtMs = Number(match[1]);
  if (Number(match[2]) !== articleId) return { valid: false };
  const expected = mac(await instanceSecret(db, SECRET_NAME), articleId, issuedAtMs);
  const given = Buffer.from(match[3], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false };
  const ageMs = now.getTime() - issuedAtMs;
  // A little clock skew between processes is allowed; a token from the future is not.
  if (ageMs < -5000 || ageMs > FORM_TOKEN_LIFETIME_MS) return { valid: false };
  return { valid: true, ageMs };
}
