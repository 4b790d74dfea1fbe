// Movement reference numbers (server side: uses the system's random source).
import { randomInt } from 'node:crypto';

import { iso6346CheckDigit } from './codes';

/** A new MRN: 2-digit year, country, 13 random characters, check character (ISO 6346 algorithm). */
export function generateMrn(country: string, date = new Date()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let body = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${country}`;
  for (let i = 0; i < 13; i++) body += alphabet[randomInt(alphabet.length)];
  return body + iso6346CheckDigit(body);
}

export function isValidMrn(value: string): boolean {
  return /^\d{2}[A-Z]{2}[A-Z0-9]{13}\d$/.test(value) && iso6346CheckDigit(value.slice(0, 17)) === Number(value[17]);
}
