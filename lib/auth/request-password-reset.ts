// "Forgot password": the same answer whether or not the email has an account; when it has, a single-use
// link valid one hour goes out through the outbox.
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { deliverOutbox, queueMessage } from '../notifications/notifier';
import type { RequestInfo } from './actor';
import { getRateLimiter } from './rate-limiter';
import { newLinkSecret } from './secret-tokens';

export const RESET_MINUTES = 60;

export async function requestPasswordReset(options: { email: string; request?: RequestInfo }): Promise<void> {
  const email = options.email.trim().toLowerCase().slice(0, 254);
  // At most 5 links an hour per address, so the form cannot be used to flood someone's mailbox.
  if (!getRateLimiter().hit(`reset:${email}`, 5, 3_600_000).allowed) return;
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, companyId: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { secret, hash } = newLinkSecret();
  const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
  const link = `${getEnv().PUBLIC_URL}/reset-password/${secret}`;
  await getDb().$transaction(async (tx) => {
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hash, expiresAt } });
    await queueMessage(tx, {
      kind: 'password_reset',
      to: user.email,
      subject: 'Reset your Clearway password',
      body: `Someone asked to reset the password of ${user.email}. If it was you, choose a new password here within ${RESET_MINUTES} minutes (the link works once): ${link}\nIf it was not you, ignore this message.`,
    });
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId, isCompanyAdmin: false, token: null, clients: [], request: options.request ?? { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'user.request_password_reset', targetType: 'user', targetId: user.id });
  });
  await deliverOutbox();
}
