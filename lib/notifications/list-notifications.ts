// A person's inbox, newest first, with the unread count the portal's header shows.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { CURSOR_KEY, decodeCursor, encodeCursor } from '../pagination';

export interface NotificationRow {
  id: string;
  eventId: string;
  type: string;
  dmsCode: string | null;
  title: string;
  link: string | null;
  declarationId: string | null;
  channel: string;
  readAt: Date | null;
  createdAt: Date;
}

export async function listNotifications(options: { actor: Actor; unreadOnly?: boolean | null; first?: number | null; after?: string | null }): Promise<{ nodes: NotificationRow[]; unreadCount: number; hasNextPage: boolean; endCursor: string | null }> {
  const { actor } = options;
  assertPerson(actor, 'read an inbox (use pendingNotifications)');
  const first = Math.min(Math.max(options.first ?? 30, 1), 200);
  const after = options.after ? decodeCursor(options.after, 'notification', CURSOR_KEY.serial) : null;
  const sql = sqlOfClient(getPool());
  const [rows, [count]] = await Promise.all([
    sql<NotificationRow>(
      `SELECT n.id::text AS id, n.event_id::text AS "eventId", e.type, e.dms_code AS "dmsCode", n.title, n.link, e.declaration_id AS "declarationId",
              n.channel, n.read_at AS "readAt", n.created_at AS "createdAt"
         FROM notification n JOIN business_event e ON e.id = n.event_id
        WHERE n.user_id = $1::uuid AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL) AND ($3::bigint IS NULL OR n.id < $3::bigint)
        ORDER BY n.id DESC LIMIT $4`,
      [actor.userId, options.unreadOnly ?? false, after, first + 1],
    ),
    sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1::uuid AND read_at IS NULL`, [actor.userId]),
  ]);
  const nodes = rows.slice(0, first);
  return { nodes, unreadCount: count!.n, hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor('notification', nodes.at(-1)!.id) : null };
}
