// The background job behind "forgot password": drains the queue of reset requests about once a second
// (process-password-reset-requests.ts). The process that starts the HTTP server starts it; stop() waits
// for a running pass.
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job';
import type { Logger } from '../logger';
import { processPasswordResetRequests } from './process-password-reset-requests';

export function startPasswordResetMailer(options: { logger: Logger; intervalMs?: number }): PeriodicJob {
  const { logger } = options;
  let lastError: string | undefined;
  return startPeriodicJob({
    intervalMs: options.intervalMs ?? 1000,
    run: async () => {
      const handled = await processPasswordResetRequests();
      if (handled) logger.info({ handled }, 'password reset requests handled');
      lastError = undefined;
    },
    onError: (err) => {
      // Once per distinct failure, not once a second while the database is away.
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastError) logger.error({ err }, 'password reset requests failed; retrying');
      lastError = message;
    },
  });
}
