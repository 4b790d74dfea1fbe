// Once a minute (cron, once per cluster): pending deliveries whose job should have run but has not — the
// worker holding it died (graphile-worker keeps a dead worker's lock for hours), or an attempt was left
// unfinished by a killed process — get a fresh job. Safe to run any time: the delivery job itself decides,
// from the delivery's rows, whether anything is to be sent (deliver-webhook-task.ts).
import type { Task } from 'graphile-worker';

import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getEnv } from '../env';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'rescue-webhook-deliveries': Record<string, never>;
    }
  }
}

export async function rescueWebhookDeliveries(options: { graceMs?: number } = {}): Promise<number> {
  const grace = options.graceMs ?? getEnv().WEBHOOK_TIMEOUT_MS + 60_000;
  const rows = await sqlOfClient(getPool())<{ id: string }>(
    `SELECT graphile_worker.add_job('deliver-webhook', json_build_object('deliveryId', d.id), job_key => 'deliver-webhook:' || d.id, max_attempts => 5) IS NOT NULL, d.id
       FROM webhook_delivery d LEFT JOIN business_event e ON e.id = d.event_id
      WHERE d.state = 'PENDING' AND d.next_attempt_at < now() - make_interval(secs => $1::float8 / 1000)
        AND NOT EXISTS (SELECT 1 FROM webhook_delivery p JOIN business_event pe ON pe.id = p.event_id
                         WHERE e.declaration_id IS NOT NULL AND p.endpoint_id = d.endpoint_id AND p.state = 'PENDING'
                           AND pe.declaration_id = e.declaration_id AND pe.id < e.id)
      LIMIT 1000`,
    [grace],
  );
  return rows.length;
}

export const rescueWebhookDeliveriesTask: Task<'rescue-webhook-deliveries'> = async () => {
  await rescueWebhookDeliveries();
};
