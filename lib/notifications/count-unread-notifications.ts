// The unread count of a person's inbox, for the portal's header (one indexed count).
import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';

export async function countUnreadNotifications(options: { actor: Actor }): Promise<number> {
  if (options.actor.token) return 0;
  const [row] = await sqlOfClient(getPool())<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1::uuid AND read_at IS NULL`, [options.actor.userId]);
  return row!.n;
}
