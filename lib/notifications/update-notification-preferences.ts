// Sets a person's channel for some event types (INBOX, EMAIL = inbox + e-mail, DIGEST = inbox + daily digest).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlTransaction } from '../database/sql';
import { parseInput } from '../validation';
import { EVENT_TYPE_NAMES } from './event-types';
import { getNotificationPreferences, type NotificationPreferenceRow } from './get-notification-preferences';

export const notificationPreferencesInput = z
  .array(
    z.object({
      eventType: z.enum(EVENT_TYPE_NAMES as [string, ...string[]], { message: `Unknown event type: use one of ${EVENT_TYPE_NAMES.join(', ')}.` }),
      channel: z.enum(['INBOX', 'EMAIL', 'DIGEST'], { message: 'The channel is INBOX, EMAIL (inbox and e-mail) or DIGEST (inbox and a daily digest).' }),
    }),
  )
  .min(1, 'Give at least one preference.')
  .max(EVENT_TYPE_NAMES.length);

export async function updateNotificationPreferences(options: { actor: Actor; input: unknown }): Promise<NotificationPreferenceRow[]> {
  const { actor } = options;
  assertPerson(actor, 'have notification preferences');
  const input = parseInput(notificationPreferencesInput, options.input);
  await sqlTransaction((sql) =>
    sql(
      `INSERT INTO notification_preference (user_id, event_type, channel) SELECT $1::uuid, x.t, x.c FROM json_to_recordset($2::json) AS x(t text, c text)
       ON CONFLICT (user_id, event_type) DO UPDATE SET channel = EXCLUDED.channel`,
      [actor.userId, JSON.stringify(input.map((p) => ({ t: p.eventType, c: p.channel })))],
    ),
  );
  return getNotificationPreferences({ actor });
}
