// The process-password-reset-requests job (request-password-reset.ts enqueues it with each request).
import type { Task } from 'graphile-worker';

import { processPasswordResetRequests } from './process-password-reset-requests';

export const processPasswordResetRequestsTask: Task<'process-password-reset-requests'> = async () => {
  // Drains everything queued, 100 at a time.
  while ((await processPasswordResetRequests()) === 100);
};
