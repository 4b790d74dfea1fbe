// Daily (cron): events older than the retention (NOTIFICATION_RETENTION_DAYS, 30 by default) go, and with
// them their deliveries, attempts, pull acknowledgements and inbox entries (foreign keys cascade).
import type { Task } from 'graphile-worker';

import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'purge-business-events': Record<string, never>;
    }
  }
}

export const purgeBusinessEventsTask: Task<'purge-business-events'> = async () => {
  const sql = sqlOfClient(getPool());
  const days = getEnv().NOTIFICATION_RETENTION_DAYS;
  await sql(`DELETE FROM business_event WHERE occurred_at < now() - make_interval(days => $1)`, [days]);
  await sql(`DELETE FROM webhook_delivery WHERE event_id IS NULL AND created_at < now() - make_interval(days => $1)`, [days]);
};
