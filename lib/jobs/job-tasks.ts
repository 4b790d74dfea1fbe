// The one registry of the job queue's tasks and its cron schedule (graphile-worker). A capability adds
// its task here by name, and declares the task's payload type next to its handler by extending
// `GraphileWorker.Tasks` (declaration merging), so `enqueueJob` type-checks both name and payload:
//
//   declare global { namespace GraphileWorker { interface Tasks { 'send-webhook': { deliveryId: string } } } }
//
// Cron lines (graphile-worker's crontab syntax, minute resolution) run once per cluster however many
// Clearway processes are up: the queue's own `known_crontabs` table decides which process runs a tick.
import type { TaskList } from 'graphile-worker';

import { pruneRateLimitCountersTask } from '../auth/prune-rate-limit-counters-task';
import { raiseSilentSealAlertsTask } from '../tracking/raise-silent-seal-alerts-task';
import { publishLedgerAnchorTask } from './publish-ledger-anchor-task';

export const jobTasks: TaskList = {
  'prune-rate-limit-counters': pruneRateLimitCountersTask,
  'raise-silent-seal-alerts': raiseSilentSealAlertsTask,
  'publish-ledger-anchor': publishLedgerAnchorTask,
};

export const jobCrontab: string[] = [
  // Counters expire two windows after they start (at most two hours for the hourly limits).
  '*/5 * * * * prune-rate-limit-counters ?max=1',
  // Open shipments whose seal has gone quiet for TRACKING_SILENT_HOURS.
  '*/5 * * * * raise-silent-seal-alerts ?max=1',
  // The latest checkpoint to the chain (when ANCHOR_* is configured) at most every ANCHOR_EVERY_SECONDS.
  '* * * * * publish-ledger-anchor ?max=1',
];
