// The process's background work, started after the HTTP server listens and stopped before it closes:
// its worker on the job queue (lib/jobs: tasks and cron items run once per cluster), and the in-process
// loops that have not moved onto the queue yet — integrating pending ledger entries, signing ledger
// checkpoints, publishing them to the chain (when one is configured), watching for silent electronic
// seals, and sending password reset links.
import { startPasswordResetMailer } from '../lib/auth/start-password-reset-mailer';
import { startAnchorPublisher } from '../lib/ledger/anchor/start-anchor-publisher';
import { startCheckpointer } from '../lib/ledger/start-checkpointer';
import { startLedgerIntegrator } from '../lib/ledger/start-ledger-integrator';
import { startJobRunner } from '../lib/jobs/start-job-runner';
import type { Logger } from '../lib/logger';
import { startSilentSealWatcher } from '../lib/tracking/start-silent-seal-watcher';
import { closeTrackingListener } from '../lib/tracking/tracking-events';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

export function startBackgroundJobs(logger: Logger): BackgroundJobs {
  const jobs: { stop(): Promise<void> }[] = [];
  jobs.push(startLedgerIntegrator({ logger: logger.child({ job: 'ledger-integrator' }) }));
  jobs.push(startCheckpointer({ logger: logger.child({ job: 'ledger-checkpointer' }) }));
  const publisher = startAnchorPublisher({ logger: logger.child({ job: 'ledger-publisher' }) });
  if (publisher) jobs.push(publisher);
  jobs.push(startSilentSealWatcher({ logger: logger.child({ job: 'silent-seal-watcher' }) }));
  jobs.push(startPasswordResetMailer({ logger: logger.child({ job: 'password-reset-mailer' }) }));
  // The worker connects in the background; a failure to start it is logged, and the web keeps serving.
  const runner = startJobRunner({ logger: logger.child({ job: 'job-queue' }) }).catch((err: unknown) => {
    logger.error({ err }, 'starting the job queue worker');
    return null;
  });
  jobs.push({ stop: async () => (await runner)?.stop() });
  return {
    async stop() {
      await Promise.all(jobs.map((job) => job.stop().catch((err) => logger.error({ err }, 'stopping a background job'))));
      // The LISTEN connection of live tracking updates goes back to the pool before the pool closes.
      await closeTrackingListener().catch((err) => logger.error({ err }, 'closing the tracking listener'));
    },
  };
}
