/**
 * Staff passwords: argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP
 * recommendation), stored as PHC strings so parameters can be raised later without a migration.
 */
import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/**
 * A hash of no real password. Verifying against it when an account does not exist makes a
 * failed login take as long whether or not the email is known, so timing reveals nothing.
 */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  decoyHash ??= hashPassword('decoy password that matches no account');
  const target = storedHash ?? (await decoyHash);
  try {
    const matches = await verify(target, password);
    return storedHash !== null && matches;
  } catch {
    return false; // A malformed stored hash never logs anyone in.
  }
}
