// The job queue keeps its tables in its own schema (`graphile_worker`) and migrates them itself; this
// runs its migrations with ours (lib/database/prepare-database.ts), so that a transaction can add a job
// (`enqueueJob`) before any worker process has started, and so that test databases cloned from the
// template already have the queue.
import { runMigrations } from 'graphile-worker';

import type { Logger } from '../logger';
import { graphileLogger } from './graphile-logger';

export async function migrateJobQueue(options: { connectionString: string; logger: Logger }): Promise<void> {
  await runMigrations({ connectionString: options.connectionString, logger: graphileLogger(options.logger) });
}
