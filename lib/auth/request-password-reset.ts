// "Forgot password": the same answer, and the same work, whether or not the email has an account. The
// request only queues the email (one insert); the process-password-reset-requests job (process-password-reset-requests.ts) looks
// the account up and sends the single-use link afterwards, so the answer's timing cannot tell who has an account.
import { sqlTransaction } from '../database/sql';
import { enqueueJob } from '../jobs/enqueue-job';
import type { RequestInfo } from './actor';
import { getRateLimiter } from './rate-limiter';

export async function requestPasswordReset(options: { email: string; request?: RequestInfo }): Promise<void> {
  const email = options.email.trim().toLowerCase().slice(0, 254);
  // At most 5 links an hour per address, so the form cannot be used to flood someone's mailbox.
  if (!(await getRateLimiter().hit(`reset:${email}`, 5, 3_600_000)).allowed) return;
  // The row and its job in one transaction; the job is the same whether or not the email has an account.
  await sqlTransaction(async (sql) => {
    await sql(`INSERT INTO password_reset_request (email, request_id, ip) VALUES ($1, $2, $3)`, [email, options.request?.id?.slice(0, 64) ?? null, options.request?.ip?.slice(0, 45) ?? null]);
    // One pending job drains every queued request (a burst of requests shares it).
    await enqueueJob(sql, 'process-password-reset-requests', {}, { jobKey: 'process-password-reset-requests', jobKeyMode: 'preserve_run_at' });
  });
}
