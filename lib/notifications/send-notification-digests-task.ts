// Daily (cron, 07:00 UTC): one e-mail per person listing the inbox entries they chose to receive as a
// digest, each entry sent once (digested_at), in one transaction with the e-mail's outbox row.
import type { Task } from 'graphile-worker';

import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
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
    const rows = await sql<{ id: string; userId: string; email: string; title: string; link: string | null }>(
      `SELECT n.id::text AS id, n.user_id AS "userId", u.email, n.title, n.link FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.channel = 'DIGEST' AND n.digested_at IS NULL AND u.disabled_at IS NULL ORDER BY n.user_id, n.id FOR UPDATE OF n SKIP LOCKED`,
    );
    const byUser = new Map<string, typeof rows>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    for (const entries of byUser.values()) {
      const lines = entries.map((e) => `- ${e.title}${e.link ? ` ${PUBLIC_URL}${e.link}` : ''}`);
      await queueMessage(sql, {
        kind: 'digest',
        to: entries[0]!.email,
        subject: `Clearway: ${entries.length} notification${entries.length === 1 ? '' : 's'} since yesterday`,
        body: `${lines.join('\n')}\n\nYour inbox: ${PUBLIC_URL}/notifications\nChoose what you receive: ${PUBLIC_URL}/notifications/preferences`,
      });
    }
    if (rows.length) await sql(`UPDATE notification SET digested_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return byUser.size;
  });
}

export const sendNotificationDigestsTask: Task<'send-notification-digests'> = async () => {
  await sendNotificationDigests();
};
