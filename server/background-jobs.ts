// The process's background work, started after the HTTP server listens and stopped before it closes.
// Work that must run once per cluster, however many Clearway processes share the database:
//   - on the job queue's cron (lib/jobs/job-tasks.ts; graphile-worker runs each tick in one process):
//     silent-seal alerts, publishing checkpoints to the chain, pruning rate-limit counters;
//   - under an advisory-lock leader (lib/jobs/start-leader-loop.ts), for cadences finer than cron's
//     minute: signing ledger checkpoints (LEDGER_CHECKPOINT_SECONDS);
//   - the ledger integrator in every process, which takes its own advisory lock per batch (any process
//     may integrate, one at a time), and the password-reset mailer (moving onto the queue).
// A web-only process (JOB_CONCURRENCY=0) runs no queue worker, but still competes for the leader lock.
import { startPasswordResetMailer } from '../lib/auth/start-password-reset-mailer';
import { getLedgerAnchor } from '../lib/ledger/anchor/get-ledger-anchor';
import { startCheckpointer } from '../lib/ledger/start-checkpointer';
import { startLedgerIntegrator } from '../lib/ledger/start-ledger-integrator';
import { startJobRunner } from '../lib/jobs/start-job-runner';
import { startLeaderLoop } from '../lib/jobs/start-leader-loop';
import type { Logger } from '../lib/logger';
import { closeTrackingListener } from '../lib/tracking/tracking-events';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

export function startBackgroundJobs(logger: Logger): BackgroundJobs {
  // Half an ANCHOR_* configuration stops the start, as before the publisher moved onto the queue.
  getLedgerAnchor();
  const jobs: { stop(): Promise<void> }[] = [];
  jobs.push(startLedgerIntegrator({ logger: logger.child({ job: 'ledger-integrator' }) }));
  const checkpointerLogger = logger.child({ job: 'ledger-checkpointer' });
  jobs.push(startLeaderLoop({ name: 'ledger-checkpointer', logger: checkpointerLogger, start: () => startCheckpointer({ logger: checkpointerLogger }) }));
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
