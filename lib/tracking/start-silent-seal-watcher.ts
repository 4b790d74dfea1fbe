// The periodic job behind silent-seal alerts: a pass at start, then one per interval. The process
// that starts the HTTP server starts it (scripts/start.ts); stop() waits for a running pass.
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job';
import type { Logger } from '../logger';
import { raiseSilentSealAlerts } from './raise-silent-seal-alerts';

export function startSilentSealWatcher(options: { logger: Logger; intervalMs?: number }): PeriodicJob {
  const { logger } = options;
  return startPeriodicJob({
    intervalMs: options.intervalMs ?? 5 * 60_000,
    run: async () => {
      const { alerted } = await raiseSilentSealAlerts();
      if (alerted) logger.warn({ alerted }, 'silent seals: alerts raised');
    },
    onError: (err) => logger.error({ err }, 'silent-seal check failed'),
  });
}
