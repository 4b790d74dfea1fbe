// The pull-partner-scans job (lib/jobs/job-tasks.ts): one pull over one partner link. Queued by the
// schedule (schedule-partner-scan-pulls-task.ts) and by requestPartnerScanPull. Each link has its own
// named queue, so its pulls run one after another in whichever process takes them; pullPartnerScans
// also holds an advisory lock on the link, for a pull started outside the queue.
import type { Task } from 'graphile-worker';

import type { Sql } from '../database/sql';
import { enqueueJob } from '../jobs/enqueue-job';
import { pullPartnerScans } from './pull-partner-scans';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'pull-partner-scans': { linkId: string };
    }
  }
}

/** At most one pending pull per link: a second request before it runs changes nothing. */
export async function enqueuePartnerScanPull(sql: Sql, linkId: string): Promise<void> {
  await enqueueJob(sql, 'pull-partner-scans', { linkId }, { jobKey: `pull-partner-scans:${linkId}`, jobKeyMode: 'unsafe_dedupe', queueName: `partner-link:${linkId}`, maxAttempts: 3 });
}

export const pullPartnerScansTask: Task<'pull-partner-scans'> = async ({ linkId }, helpers) => {
  const summary = await pullPartnerScans(linkId);
  helpers.logger.info(`partner pull ${linkId}: ${JSON.stringify(summary)}`);
};
