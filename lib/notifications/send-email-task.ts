// The send-email job: hands one outbox message to the notifier (SMTP or the log). Idempotent: a message
// already sent is skipped. A failure is recorded on the row and rethrown, so graphile-worker retries it
// with back-off; the message is never dropped.
import type { Task } from 'graphile-worker';

import { getDb } from '../db';
import { getLogger } from '../logger';
import { getNotifier } from './notifier';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'send-email': { messageId: string };
    }
  }
}

export const sendEmailTask: Task<'send-email'> = async ({ messageId }) => {
  const db = getDb();
  const message = await db.outboxMessage.findUnique({ where: { id: BigInt(messageId) } });
  if (!message || message.deliveredAt) return;
  try {
    await getNotifier().deliver(message);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.outboxMessage.update({ where: { id: message.id }, data: { attempts: { increment: 1 }, lastError: reason.slice(0, 500) } });
    getLogger().warn({ outboxId: messageId, attempts: message.attempts + 1, reason }, 'sending a message failed; it stays queued and is retried');
    throw err;
  }
  await db.outboxMessage.update({ where: { id: message.id }, data: { deliveredAt: new Date(), attempts: { increment: 1 }, lastError: null } });
};
