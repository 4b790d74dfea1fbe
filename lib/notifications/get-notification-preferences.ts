// A person's channel per event type (their choice, else the type's default).
import type { Actor } from '../auth/actor';
import { assertPerson } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type NotificationChannel } from './event-types';

export interface NotificationPreferenceRow {
  eventType: string;
  title: string;
  channel: NotificationChannel;
  isDefault: boolean;
}

export async function getNotificationPreferences(options: { actor: Actor }): Promise<NotificationPreferenceRow[]> {
  const { actor } = options;
  assertPerson(actor, 'have notification preferences');
  const chosen = await sqlOfClient(getPool())<{ eventType: string; channel: NotificationChannel }>(
    `SELECT event_type AS "eventType", channel FROM notification_preference WHERE user_id = $1::uuid`,
    [actor.userId],
  );
  const byType = new Map(chosen.map((c) => [c.eventType, c.channel]));
  return EVENT_TYPE_NAMES.map((t) => ({ eventType: t, title: EVENT_TYPES[t].title, channel: byType.get(t) ?? EVENT_TYPES[t].channel, isDefault: !byType.has(t) }));
}
