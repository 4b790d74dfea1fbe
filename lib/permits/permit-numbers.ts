// Numbers people quote: applications "PA-26-7K3M9Q", permits "<agency code>-26-482913". Random rather
// than sequential, so a number reveals nothing of another company's volume; unique indexes catch the
// (improbable) repeat, and the caller's transaction then fails cleanly.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newApplicationNumber(now: Date = new Date()): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `PA-${String(now.getUTCFullYear()).slice(2)}-${tail}`;
}

export function newPermitNumber(agencyCode: string, now: Date = new Date()): string {
  return `${agencyCode}-${String(now.getUTCFullYear()).slice(2)}-${String(randomInt(1_000_000)).padStart(6, '0')}`;
}
