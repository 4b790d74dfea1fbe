// The one registry of the job queue's tasks and its cron schedule (graphile-worker). A capability adds
// its task here by name, and declares the task's payload type next to its handler by extending
// `GraphileWorker.Tasks` (declaration merging), so `enqueueJob` type-checks both name and payload:
//
//   declare global { namespace GraphileWorker { interface Tasks { 'send-webhook': { deliveryId: string } } } }
//
// Cron lines (graphile-worker's crontab syntax, minute resolution) run once per cluster however many
// Clearway processes are up: the queue's own `known_crontabs` table decides which process runs a tick.
import type { TaskList } from 'graphile-worker';

import { trainRiskModelTask } from '../risk/train-risk-model-task';

export const jobTasks: TaskList = {
  'train-risk-model': (payload) => trainRiskModelTask(payload as { modelId: string }),
};

export const jobCrontab: string[] = [];
