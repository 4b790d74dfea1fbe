// Canonical JSON of a declaration version: keys sorted, decimals as strings, dates as ISO strings,
// so that the same content always hashes the same (the ledger anchors this hash).
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    // Prisma's Decimal (decimal.js) prints exactly with toString().
    if (typeof (value as { toFixed?: unknown }).toFixed === 'function' && 'd' in (value as object)) return String(value);
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, normalize((value as Record<string, unknown>)[k])]),
    );
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
