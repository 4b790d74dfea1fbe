// The process-scan-images job (lib/jobs/job-tasks.ts), added by ingestScan in the scan's transaction.
// A failure is retried by graphile-worker with back-off; after the last attempt the scan is marked
// FAILED so the queue shows it without tiles rather than waiting for ever.
import type { Task } from 'graphile-worker';

import { getPool } from '../db';
import { processScanImages } from './process-scan-images';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'process-scan-images': { scanId: string };
    }
  }
}

export const processScanImagesTask: Task<'process-scan-images'> = async ({ scanId }, helpers) => {
  try {
    await processScanImages(scanId);
  } catch (error) {
    if (helpers.job.attempts >= helpers.job.max_attempts) await getPool().query(`UPDATE scan SET processing = 'FAILED' WHERE id = $1::uuid`, [scanId]);
    throw error;
  }
};
