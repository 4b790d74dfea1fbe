// "Forgot password": the same answer, and the same work, whether or not the email has an account. The
// request only queues the email (one insert); process-password-reset-requests.ts looks the account up
// and sends the single-use link afterwards, so the answer's timing cannot tell who has an account.
import { getDb } from '../db';
import type { RequestInfo } from './actor';
import { getRateLimiter } from './rate-limiter';

export async function requestPasswordReset(options: { email: string; request?: RequestInfo }): Promise<void> {
  const email = options.email.trim().toLowerCase().slice(0, 254);
  // At most 5 links an hour per address, so the form cannot be used to flood someone's mailbox.
  if (!(await getRateLimiter().hit(`reset:${email}`, 5, 3_600_000)).allowed) return;
  await getDb().passwordResetRequest.create({
    data: { email, requestId: options.request?.id?.slice(0, 64) ?? null, ip: options.request?.ip?.slice(0, 45) ?? null },
  });
}
