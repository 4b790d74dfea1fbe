// A message to a person (invitation, password reset, a notification e-mail, the daily digest), in the
// caller's transaction: the outbox row and its send-email job exist if and only if the change that
// caused them commits. The job sends it after commit and is retried while SMTP is down.
import type { Sql } from '../database/sql';
import { enqueueJob } from '../jobs/enqueue-job';
import type { OutgoingMessage } from './notifier';

export async function queueMessage(sql: Sql, message: OutgoingMessage): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO outbox_message (kind, "to", subject, body, locale) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [message.kind.slice(0, 40), message.to, message.subject.slice(0, 200), message.body, message.locale ?? null],
  );
  // graphile-worker's back-off (about 3 s, 7 s, 20 s, 1 min … then hours) over 25 attempts: days of SMTP outage lose nothing.
  await enqueueJob(sql, 'send-email', { messageId: row!.id }, { jobKey: `send-email:${row!.id}`, maxAttempts: 25 });
  return row!.id;
}
