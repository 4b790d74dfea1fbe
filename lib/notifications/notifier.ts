// Messages for people (invitation links, password resets). They are written to the outbox table in the
// transaction that causes them, then handed to a notifier. A deployment plugs in its mail service by
// implementing `Notifier` and calling `setNotifier` at start-up. The default notifier only logs that a
// message went out — never its body: bodies carry live secrets (reset and invitation links), and logs
// are read by more people, kept longer and shipped further than mail. Until a mail service is plugged in,
// the message itself is in the outbox_message table.
import type { Tx } from '../database/tx';
import { getDb } from '../db';
import { getLogger } from '../logger';

export interface OutgoingMessage {
  kind: string;
  to: string;
  subject: string;
  body: string;
}

export interface Notifier {
  deliver(message: OutgoingMessage & { id: bigint }): Promise<void>;
}

const logNotifier: Notifier = {
  async deliver(message) {
    getLogger().info({ outboxId: String(message.id), kind: message.kind, to: message.to, subject: message.subject }, 'message sent (no mail service configured: its body is in outbox_message)');
  },
};

let current: Notifier = logNotifier;

export function setNotifier(notifier: Notifier): void {
  current = notifier;
}

/** In the caller's transaction: the message is kept if and only if the change that caused it commits. */
export async function queueMessage(tx: Tx, message: OutgoingMessage): Promise<void> {
  await tx.outboxMessage.create({ data: message });
}

/** Hands undelivered messages to the notifier; called after commits (and safe to call any time). */
export async function deliverOutbox(): Promise<number> {
  const db = getDb();
  const pending = await db.outboxMessage.findMany({ where: { deliveredAt: null }, orderBy: { id: 'asc' }, take: 100 });
  for (const m of pending) {
    try {
      await current.deliver(m);
      await db.outboxMessage.update({ where: { id: m.id }, data: { deliveredAt: new Date() } });
    } catch (err) {
      getLogger().warn({ err, outboxId: String(m.id) }, 'message delivery failed; it stays in the outbox');
    }
  }
  return pending.length;
}
