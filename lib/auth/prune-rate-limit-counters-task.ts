// The job queue's cron task that deletes rate-limit counters past their use (two windows after their
// window started, by the database's clock): the table stays as small as the set of active clients.
// Idempotent; once per cluster however many processes run (lib/jobs/job-tasks.ts schedules it).
import type { Task } from 'graphile-worker';

import { getPool } from '../db';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'prune-rate-limit-counters': Record<string, never>;
    }
  }
}

export const pruneRateLimitCountersTask: Task = async (_payload, helpers) => {
  const { rowCount } = await getPool().query(`DELETE FROM rate_limit_counter WHERE expires_at <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint`);
  if (rowCount) helpers.logger.debug(`pruned ${rowCount} expired rate-limit counters`);
};
