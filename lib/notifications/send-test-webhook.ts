// "Send test event": a `webhook.test` delivery to this endpoint only, signed and logged like any other.
import { randomUUID } from 'node:crypto';

import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { wakeEndpointSql } from './deliver-webhooks-task';
import { loadOwnEndpoint } from './load-own-endpoint';

export async function sendTestWebhook(options: { actor: Actor; endpointId: string; requestId?: string }): Promise<string> {
  const { actor, endpointId } = options;
  return sqlTransaction(async (sql) => {
    await loadOwnEndpoint(sql, actor, endpointId, { lock: true });
    const id = randomUUID();
    const body = { type: 'webhook.test', timestamp: new Date().toISOString(), data: { endpointId, message: 'A test event from Clearway: your endpoint and its signature check work.' } };
    await sql(`INSERT INTO webhook_delivery (id, endpoint_id, test_payload, next_attempt_at) VALUES ($1::uuid, $2::uuid, $3::jsonb, now())`, [id, endpointId, JSON.stringify(body)]);
    await sql(`SELECT ${wakeEndpointSql('$1::uuid')} IS NOT NULL`, [endpointId]);
    await recordAudit(sql, { actor, action: 'webhook_endpoint.send_test', targetType: 'webhook_endpoint', targetId: endpointId, requestId: options.requestId });
    return id;
  });
}
