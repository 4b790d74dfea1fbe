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

export function decodeCursor(cursor: string, kind: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) {
    throw new AppError('BAD_USER_INPUT', 'The `after` cursor does not belong to this list: pass a cursor from its pageInfo.endCursor.', {
      fieldErrors: [{ path: ['after'], code: 'invalid_cursor', message: 'Unknown cursor.' }],
    });
  }
  return text.slice(kind.length + 1);
}
