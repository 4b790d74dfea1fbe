// Password hashing: argon2id (OWASP's first choice) with @node-rs/argon2's defaults (19 MiB, 2 passes),
// about 50 ms per hash on this hardware.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;

/** The password rules, shared by sign-up, invitations, resets and the portal forms. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'A password has at most 200 characters.');

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Algorithm is a const enum, which isolated modules cannot read: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, for unknown emails: timing must not reveal who has an account. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('clearway-no-such-user-password');
  await verifyPassword(await dummy, password);
  return false;
}
