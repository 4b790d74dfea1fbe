// The cron tick of partner pulls (lib/jobs/job-tasks.ts): queues one pull-partner-scans job per active
// partner link. Once per cluster (graphile-worker's cron), and a link's pending pull is not doubled.
import type { Task } from 'graphile-worker';

import { sqlTransaction } from '../database/sql';
import { enqueuePartnerScanPull } from './pull-partner-scans-task';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'schedule-partner-scan-pulls': Record<string, never>;
    }
  }
}

export const schedulePartnerScanPullsTask: Task<'schedule-partner-scan-pulls'> = async () => {
  await sqlTransaction(async (sql) => {
    const links = await sql<{ id: string }>(`SELECT id FROM partner_link WHERE revoked_at IS NULL ORDER BY created_at`);
    for (const { id } of links) await enqueuePartnerScanPull(sql, id);
  });
};
