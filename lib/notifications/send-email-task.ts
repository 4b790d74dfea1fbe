// The send-email job: hands one outbox message to the notifier (SMTP or the log). Idempotent: a message
// already sent is skipped. A failure is recorded on the row and rethrown, so graphile-worker retries it
// with back-off; the message is never dropped. Every filed declaration queues a few of these (its
// events' e-mails), so the job's two statements are prepared SQL on the shared pool, not Prisma model
// queries (whose client-side cost was most of the job's CPU in bench:declarations).
import type { Task } from 'graphile-worker';

import { getPool } from '../db';
import { preparedSqlOfClient } from '../database/sql';
import { getLogger } from '../logger';
import { getNotifier, type OutgoingMessage } from './notifier';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'send-email': { messageId: string };
    }
  }
}

type OutboxRow = OutgoingMessage & { id: string; delivered: boolean; attempts: number };

export const sendEmailTask: Task<'send-email'> = async ({ messageId }) => {
  const sql = preparedSqlOfClient(getPool());
  const [message] = await sql<OutboxRow>(
    `SELECT id::text AS id, kind, "to", subject, body, locale, delivered_at IS NOT NULL AS delivered, attempts FROM outbox_message WHERE id = $1::bigint`,
    [messageId],
  );
  if (!message || message.delivered) return;
  const outgoing = { id: BigInt(message.id), kind: message.kind, to: message.to, subject: message.subject, body: message.body, locale: message.locale };
  try {
    await getNotifier().deliver(outgoing);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await sql(`UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1::bigint`, [messageId, reason.slice(0, 500)]);
    getLogger().warn({ outboxId: messageId, attempts: message.attempts + 1, reason }, 'sending a message failed; it stays queued and is retried');
    throw err;
  }
  await sql(`UPDATE outbox_message SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1::bigint`, [messageId]);
};
