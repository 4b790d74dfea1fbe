// Runs every job that is due now, in this process, until none is left (graphile-worker's runOnce). For
// tests, which drain the queue where they need its effects instead of waiting on a background worker,
// and for scripts.
import { runOnce, type TaskList } from 'graphile-worker';

import { getLogger } from '../logger';
import { graphileLogger } from './graphile-logger';
import { jobTasks } from './job-tasks';

export async function runPendingJobs(options: { tasks?: TaskList } = {}): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('runPendingJobs needs DATABASE_URL');
  await runOnce({ connectionString, taskList: options.tasks ?? jobTasks, logger: graphileLogger(getLogger()) });
}
