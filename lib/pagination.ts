// Opaque cursors for keyset pagination (Relay connections). A cursor names its list so that a cursor
// from one list is refused by another instead of silently returning a wrong page.
import { AppError } from './errors';

export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

const TIME = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

/**
 * What a list's cursor key looks like, as its encodeCursor writes it. A cursor is opaque but not
 * secret: a client can send any bytes, and a key that reached SQL unchecked (an impossible date, a
 * NUL, letters where a number goes) failed there as an unexpected error instead of a refusal.
 */
export const CURSOR_KEY = {
  /** An HS code or a national tariff line. */
  code: /^\d{2,10}$/,
  /** A bigint serial id. */
  serial: /^\d{1,18}$/,
  timeAndUuid: new RegExp(`^${TIME}\\|${UUID}$`),
  timeUuidAndScore: new RegExp(`^${TIME}\\|${UUID}\\|(\\d{1,9})?$`),
  timeAndSerial: new RegExp(`^${TIME}\\|\\d{1,18}$`),
} as const;

const damaged = (message: string) => new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['after'], code: 'INVALID', message: 'Unknown cursor.' }] });

/** The key of a cursor of this list, in the shape its list writes (else BAD_USER_INPUT naming `after`). */
export function decodeCursor(cursor: string, kind: string, shape: RegExp): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) throw damaged('The `after` cursor does not belong to this list: pass a cursor from its pageInfo.endCursor.');
  const key = text.slice(kind.length + 1);
  const times = key.match(new RegExp(TIME, 'g')) ?? [];
  // The pattern admits 2026-13-45: the date must also be one, written as toISOString writes it.
  if (!shape.test(key) || times.some((t) => Number.isNaN(Date.parse(t)) || new Date(t).toISOString() !== t)) {
    throw damaged('The `after` cursor is damaged: pass a cursor from pageInfo.endCursor.');
  }
  return key;
}
