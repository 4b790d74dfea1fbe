// The job queue's cron task behind silent-seal alerts (every 5 minutes, once per cluster: see
// lib/jobs/job-tasks.ts). raiseSilentSealAlerts is idempotent (an open alert is not raised twice), so a
// tick that runs again after a crash changes nothing.
import type { Task } from 'graphile-worker';

import { raiseSilentSealAlerts } from './raise-silent-seal-alerts';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'raise-silent-seal-alerts': Record<string, never>;
    }
  }
}

export const raiseSilentSealAlertsTask: Task = async (_payload, helpers) => {
  const { alerted } = await raiseSilentSealAlerts();
  if (alerted) helpers.logger.warn(`silent seals: ${alerted} alerts raised`);
};
