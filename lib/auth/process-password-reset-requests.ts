// The second half of "forgot password" (request-password-reset.ts queues): for each queued email with an
// active account, a single-use link valid one hour goes out through the outbox (queueMessage: a send-email job). It runs as the
// process-password-reset-requests job, which request-password-reset.ts enqueues; rows are claimed with
// SKIP LOCKED, so several processes can drain the queue without sending a link twice.
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isLocale } from '../i18n/locales';
import { pickLocale } from '../i18n/pick-locale';
import { composeEmail } from '../notifications/compose-email';
import { queueMessage } from '../notifications/queue-message';
import { sqlOfPrisma } from '../database/sql';
import { newLinkSecret } from './new-link-secret';

export const RESET_MINUTES = 60;

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'process-password-reset-requests': Record<string, never>;
    }
  }
}

/** Handles up to `limit` queued requests; returns how many it handled. */
export async function processPasswordResetRequests(options: { limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? 100;
  const handled = await getDb().$transaction(async (tx) => {
    const queued = await tx.$queryRaw<{ id: bigint; email: string; request_id: string | null; ip: string | null }[]>`
      SELECT id, email, request_id, ip FROM password_reset_request
       WHERE processed_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const request of queued) {
      const user = await tx.user.findUnique({ where: { email: request.email }, select: { id: true, email: true, name: true, role: true, companyId: true, disabledAt: true, locale: true } });
      if (!user || user.disabledAt) continue;
      const { secret, hash } = newLinkSecret();
      const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
      const link = `${getEnv().PUBLIC_URL}/reset-password/${secret}`;
      await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hash, expiresAt } });
      // In the person's profile language, as their notification e-mails; without one, English text only.
      const profile = isLocale(user.locale) ? user.locale : null;
      const mail = composeEmail(pickLocale({ profile })).passwordReset({ email: user.email, minutes: RESET_MINUTES, link });
      await queueMessage(sqlOfPrisma(tx), { kind: 'password_reset', to: user.email, ...mail, locale: profile });
      const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId, isCompanyAdmin: false, token: null, clients: [], request: { id: request.request_id, ip: request.ip } };
      await recordAudit(tx, { actor, action: 'user.request_password_reset', targetType: 'user', targetId: user.id });
    }
    if (queued.length) await tx.passwordResetRequest.updateMany({ where: { id: { in: queued.map((r) => r.id) } }, data: { processedAt: new Date() } });
    // Handled requests are kept a day (for support questions), then forgotten.
    await tx.$executeRaw`DELETE FROM password_reset_request WHERE processed_at < now() - interval '1 day'`;
    return queued.length;
  });
  return handled;
}
