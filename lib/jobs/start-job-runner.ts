// The process's worker on the job queue (graphile-worker: PostgreSQL-backed, LISTEN/NOTIFY, retries with
// back-off, cron once per cluster). Every Clearway process runs one unless JOB_CONCURRENCY=0; adding
// processes adds workers. It has its own small pool, so long jobs never starve the HTTP requests of
// connections.
import { run, type Runner, type TaskList } from 'graphile-worker';

import { getEnv } from '../env';
import type { Logger } from '../logger';
import { closeWebhookAgents } from '../notifications/webhook-agent';
import { graphileLogger } from './graphile-logger';
import { jobCrontab, jobTasks } from './job-tasks';

export interface JobRunner {
  stop(): Promise<void>;
}

export async function startJobRunner(options: {
  logger: Logger;
  /** Defaults to the registry in lib/jobs/job-tasks.ts (tests pass their own). */
  tasks?: TaskList;
  crontab?: string[];
  concurrency?: number;
}): Promise<JobRunner | null> {
  const env = getEnv();
  const concurrency = options.concurrency ?? env.JOB_CONCURRENCY;
  if (concurrency === 0) return null;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('startJobRunner needs DATABASE_URL (set by prepareDatabase)');
  const runner: Runner = await run({
    connectionString,
    // One connection listens for new jobs; one per concurrent job; one spare for the cron ticks.
    maxPoolSize: concurrency + 2,
    concurrency,
    taskList: options.tasks ?? jobTasks,
    crontab: (options.crontab ?? jobCrontab).join('\n'),
    pollInterval: env.JOB_POLL_MS,
    noHandleSignals: true,
    logger: graphileLogger(options.logger),
  });
  return {
    // Waits for the running jobs to finish (graphile-worker's graceful shutdown), then closes its pool
    // and the webhook deliveries' kept-alive connections.
    stop: async () => {
      try {
        await runner.stop();
      } finally {
        closeWebhookAgents();
      }
    },
  };
}
