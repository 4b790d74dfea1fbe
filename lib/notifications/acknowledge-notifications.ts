// Pull notifications: the token acknowledges what it has processed; acknowledged events are not listed again.
import type { Actor } from '../auth/actor';
import { assertScope } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';

export async function acknowledgeNotifications(options: { actor: Actor; ids: string[] }): Promise<number> {
  const { actor, ids } = options;
  if (!actor.token) throw new AppError('FORBIDDEN', 'Pull notifications are for API tokens: people mark their inbox read with markNotificationsRead.');
  assertScope(actor, 'notifications:read');
  const field = (message: string, index?: number) =>
    new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: index === undefined ? ['ids'] : ['ids', String(index)], code: 'INVALID', message }] });
  if (!ids.length) throw field('Give the ids of the notifications to acknowledge.');
  if (ids.length > 1000) throw field('At most 1,000 ids at a time.');
  const bad = ids.findIndex((id) => !/^\d{1,18}$/.test(id));
  if (bad >= 0) throw field('A notification id is a number, as pendingNotifications gives it.', bad);
  const rows = await sqlOfClient(getPool())(
    `INSERT INTO notification_ack (token_id, event_id) SELECT $1::uuid, e.id FROM business_event e WHERE e.id = ANY($2::bigint[])
     ON CONFLICT DO NOTHING RETURNING 1`,
    [actor.token.id, ids],
  );
  return rows.length;
}
