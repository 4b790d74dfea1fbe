// The background job behind "forgot password": drains the queue of reset requests about once a second
// (process-password-reset-requests.ts). The process that starts the HTTP server starts it; stop() waits
// for a running pass.
import type { Logger } from '../logger';
import { processPasswordResetRequests } from './process-password-reset-requests';

export function startPasswordResetMailer(options: { logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  const { logger } = options;
  const intervalMs = options.intervalMs ?? 1000;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastError: string | undefined;
  const pass = () => {
    if (running || stopped) return;
    running = processPasswordResetRequests()
      .then((handled) => {
        if (handled) logger.info({ handled }, 'password reset requests handled');
        lastError = undefined;
      })
      .catch((err) => {
        // Once per distinct failure, not once a second while the database is away.
        const message = err instanceof Error ? err.message : String(err);
        if (message !== lastError) logger.error({ err }, 'password reset requests failed; retrying');
        lastError = message;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  setImmediate(pass);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
