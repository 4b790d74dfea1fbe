// Password hashing: argon2id (OWASP's first choice) with @node-rs/argon2's defaults (19 MiB, 2 passes),
// about 50 ms per hash on this hardware.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';

import type { FieldError } from '../errors';
import { cataloguedIssue } from '../i18n/catalogued-issue';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { isCommonPassword } from './is-common-password';

export const MIN_PASSWORD_LENGTH = 10;

const COMMON = cataloguedIssue('auth.passwordCommon');

/** The password rules, shared by sign-up, invitations, resets and the portal forms (NIST SP 800-63B: length and a blocklist, no composition rules). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'A password has at most 200 characters.')
  .refine((p) => !isCommonPassword(p), { ...COMMON, params: { ...COMMON.params, reason: 'common' } });

// Legal forms say nothing about a company, so they do not count as its name.
const LEGAL_FORMS = new Set(['bv', 'nv', 'ltd', 'limited', 'llc', 'inc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'plc', 'co', 'company', 'corp', 'oy', 'ab', 'as']);

const letters = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The rule no schema can check alone: a password must not contain whose it is — the email's local part
 * or the company's name (spaces, punctuation and case ignored; names shorter than 3 characters ignored).
 */
export function passwordContextErrors(password: string, context: { email?: string | null; companyName?: string | null }, path: string): FieldError[] {
  const given = letters(password);
  const local = letters(context.email?.split('@')[0] ?? '');
  if (local.length >= 3 && given.includes(local)) {
    return [{ path: [path], code: 'NOT_ALLOWED', ...cataloguedMessage('auth.passwordContainsEmail') }];
  }
  const words = (context.companyName ?? '').split(/\s+/).filter((w) => !LEGAL_FORMS.has(letters(w)));
  const company = letters(words.join(''));
  if (company.length >= 3 && given.includes(company)) {
    return [{ path: [path], code: 'NOT_ALLOWED', ...cataloguedMessage('auth.passwordContainsCompanyName') }];
  }
  return [];
}

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
