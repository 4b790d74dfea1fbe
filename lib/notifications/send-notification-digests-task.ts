// Daily (cron, 07:00 UTC): one e-mail per person listing the inbox entries they chose to receive as a
// digest, each entry sent once (digested_at), in one transaction with the e-mail's outbox row.
import type { Task } from 'graphile-worker';

import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { pickLocale } from '../i18n/pick-locale';
import { composeEmail } from './compose-email';
import { isEventType } from './event-types';
import { queueMessage } from './queue-message';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'send-notification-digests': Record<string, never>;
    }
  }
}

export async function sendNotificationDigests(): Promise<number> {
  const { PUBLIC_URL } = getEnv();
  return sqlTransaction(async (sql) => {
    // The event's type and reference say each line again in the recipient's language (the inbox keeps the English
    // title, which also stands in when the event was purged meanwhile).
    const rows = await sql<{ id: string; userId: string; email: string; locale: string | null; title: string; link: string | null; type: string | null; reference: string | null }>(
      `SELECT n.id::text AS id, n.user_id AS "userId", u.email, u.locale, n.title, n.link, e.type, COALESCE(e.mrn, e.lrn, e.container_number) AS reference
         FROM notification n JOIN app_user u ON u.id = n.user_id LEFT JOIN business_event e ON e.id = n.event_id
        WHERE n.channel = 'DIGEST' AND n.digested_at IS NULL AND u.disabled_at IS NULL ORDER BY n.user_id, n.id FOR UPDATE OF n SKIP LOCKED`,
    );
    const byUser = new Map<string, typeof rows>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    for (const entries of byUser.values()) {
      const locale = pickLocale({ profile: entries[0]!.locale });
      const words = composeEmail(locale);
      const titleOf = (e: (typeof entries)[number]) => (e.type && isEventType(e.type) ? `${words.eventTitle(e.type, e.title)}${e.reference ? `: ${e.reference}` : ''}` : e.title);
      const lines = entries.map((e) => `- ${titleOf(e)}${e.link ? ` ${PUBLIC_URL}${e.link}` : ''}`);
      await queueMessage(sql, {
        kind: 'digest',
        to: entries[0]!.email,
        subject: words.digestSubject(entries.length),
        body: `${lines.join('\n')}\n\n${words.digestFooter({ inbox: `${PUBLIC_URL}/notifications`, preferences: `${PUBLIC_URL}/notifications/preferences` })}`,
        locale: entries[0]!.locale ? locale : null,
      });
    }
    if (rows.length) await sql(`UPDATE notification SET digested_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return byUser.size;
  });
}

export const sendNotificationDigestsTask: Task<'send-notification-digests'> = async () => {
  await sendNotificationDigests();
};
