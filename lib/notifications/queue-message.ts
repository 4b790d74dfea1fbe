// A message to a person (invitation, password reset, a notification e-mail, the daily digest), in the
// caller's transaction: the outbox row and its send-email job exist if and only if the change that
// caused them commits. The job sends it after commit and is retried while SMTP is down. Several
// messages (a fan-out's e-mails) take one round trip together.
import type { Sql } from '../database/sql';
import type { OutgoingMessage } from './notifier';

export async function queueMessage(sql: Sql, message: OutgoingMessage): Promise<string>;
export async function queueMessage(sql: Sql, message: OutgoingMessage[]): Promise<string[]>;
export async function queueMessage(sql: Sql, message: OutgoingMessage | OutgoingMessage[]): Promise<string | string[]> {
  const messages = Array.isArray(message) ? message : [message];
  const rows = messages.map((m, n) => ({ n, kind: m.kind.slice(0, 40), to: m.to, subject: m.subject.slice(0, 200), body: m.body, locale: m.locale ?? null }));
  // graphile-worker's back-off (about 3 s, 7 s, 20 s, 1 min … then hours) over 25 attempts: days of SMTP outage lose nothing.
  const queued = rows.length
    ? await sql<{ id: string }>(
        `WITH m AS (
           INSERT INTO outbox_message (kind, "to", subject, body, locale)
           SELECT x.kind, x."to", x.subject, x.body, x.locale
             FROM json_to_recordset($1::json) AS x(n int, kind text, "to" text, subject text, body text, locale text)
            ORDER BY x.n
           RETURNING id)
         SELECT m.id::text AS id,
                graphile_worker.add_job('send-email', json_build_object('messageId', m.id::text), job_key => 'send-email:' || m.id, max_attempts => 25) IS NOT NULL AS queued
           FROM m ORDER BY m.id`,
        [JSON.stringify(rows)],
      )
    : [];
  const ids = queued.map((r) => r.id);
  return Array.isArray(message) ? ids : ids[0]!;
}
