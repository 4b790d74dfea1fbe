// The most common passwords, as found in breach corpora: the 49,233 of zxcvbn-ts's common dictionary
// (@zxcvbn-ts/language-common, MIT; its list was compiled from leaked password sets). Kept in memory as a
// Set, built on first use (about 1 MB, tens of milliseconds once per process).
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/**
 * Whether a password is a common one, or a common one with digits and symbols added at its end
 * (`dragon2024!` is still `dragon`), ignoring case.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return common.has(lower) || (stem.length >= 4 && common.has(stem));
}
