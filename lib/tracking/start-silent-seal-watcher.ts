// The periodic job behind silent-seal alerts: a pass at start, then one per interval. The process
// that starts the HTTP server starts it (scripts/start.ts); stop() waits for a running pass.
import type { Logger } from '../logger';
import { raiseSilentSealAlerts } from './raise-silent-seal-alerts';

export function startSilentSealWatcher(options: { logger: Logger; intervalMs?: number }): { stop(): Promise<void> } {
  const { logger } = options;
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = raiseSilentSealAlerts()
      .then(({ alerted }) => {
        if (alerted) logger.warn({ alerted }, 'silent seals: alerts raised');
      })
      .catch((err) => logger.error({ err }, 'silent-seal check failed'))
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
