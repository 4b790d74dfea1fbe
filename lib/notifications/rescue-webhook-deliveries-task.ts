// Once a minute (cron, once per cluster): endpoints with a delivery that should have been sent but was
// not — the worker holding the endpoint's job died (graphile-worker keeps a dead worker's lock for hours),
// or an attempt was left unfinished by a killed process — are woken with a fresh job. Safe to run any
// time: the endpoint's job decides from the deliveries' rows what is to be sent (deliver-webhooks-task.ts).
import type { Task } from 'graphile-worker';

import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';
import { CHAIN_HEADS, wakeEndpointSql } from './deliver-webhooks-task';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'rescue-webhook-deliveries': Record<string, never>;
    }
  }
}

export async function rescueWebhookDeliveries(options: { graceMs?: number } = {}): Promise<number> {
  const grace = options.graceMs ?? getEnv().WEBHOOK_TIMEOUT_MS + 60_000;
  // Only the heads of chains count: a later delivery of a declaration waits for its head, however old.
  const rows = await sqlOfClient(getPool())<{ endpointId: string }>(
    `SELECT ${wakeEndpointSql('h.endpoint_id')} IS NOT NULL, h.endpoint_id AS "endpointId"
       FROM (SELECT DISTINCT c.endpoint_id FROM (${CHAIN_HEADS('true')}) c WHERE c.ready_at < now() - make_interval(secs => $1::float8 / 1000)) h`,
    [grace, getEnv().WEBHOOK_TIMEOUT_MS],
  );
  return rows.length;
}

export const rescueWebhookDeliveriesTask: Task<'rescue-webhook-deliveries'> = async () => {
  await rescueWebhookDeliveries();
};
