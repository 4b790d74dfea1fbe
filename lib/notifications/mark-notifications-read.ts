// Marks inbox entries read: the given ones, or all. Only the person's own entries change.
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';

export async function markNotificationsRead(options: { actor: Actor; ids?: string[] | null; all?: boolean | null }): Promise<number> {
  const { actor } = options;
  assertPerson(actor, 'read an inbox');
  const ids = options.ids ?? [];
  if (!options.all && !ids.length) throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['ids'], code: 'REQUIRED', message: 'Give the ids to mark read, or all: true.' }] });
  const bad = ids.findIndex((id) => !/^\d{1,18}$/.test(id));
  if (bad >= 0) throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['ids', String(bad)], code: 'INVALID', message: 'A notification id is a number, as Query.notifications gives it.' }] });
  const rows = await sqlOfClient(getPool())(
    `UPDATE notification SET read_at = now() WHERE user_id = $1::uuid AND read_at IS NULL AND ($2::boolean OR id = ANY($3::bigint[])) RETURNING 1`,
    [actor.userId, !!options.all, ids],
  );
  return rows.length;
}
