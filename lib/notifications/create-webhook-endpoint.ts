// A company administrator registers a webhook endpoint. The URL passes the SSRF guard now (and again
// before every request); the endpoint's first secret is returned once, here.
import { randomUUID } from 'node:crypto';

import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { assertCompanyAdmin } from '../auth/policy';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { ENDPOINT_COLUMNS, type EndpointRow } from './load-own-endpoint';
import { newWebhookSecret } from './new-webhook-secret';
import { resolveWebhookAddress } from './resolve-webhook-address';
import { webhookEndpointInput, type WebhookEndpointInput } from './webhook-endpoint-input';

/** Endpoints per company: enough for every integration, not a fan-out amplifier. */
export const MAX_ENDPOINTS_PER_COMPANY = 20;

export async function createWebhookEndpoint(options: { actor: Actor; input: WebhookEndpointInput; requestId?: string }): Promise<{ endpoint: EndpointRow; secret: string }> {
  const { actor } = options;
  assertCompanyAdmin(actor);
  const input = parseInput(webhookEndpointInput, options.input);
  await resolveWebhookAddress(input.url);
  const secret = newWebhookSecret();
  return sqlTransaction(async (sql) => {
    await sql(`SELECT 1 FROM company WHERE id = $1::uuid FOR UPDATE`, [actor.companyId]);
    const [existing] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM webhook_endpoint WHERE company_id = $1::uuid`, [actor.companyId]);
    if (existing!.count >= MAX_ENDPOINTS_PER_COMPANY) {
      throw new AppError('CONFLICT', `A company has at most ${MAX_ENDPOINTS_PER_COMPANY} webhook endpoints: delete one first.`);
    }
    const id = randomUUID();
    const [endpoint] = await sql<EndpointRow>(
      `WITH w AS (INSERT INTO webhook_endpoint (id, company_id, created_by_id, url, description, event_types, payload_format, updated_at)
                  VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::text[], $7, now()) RETURNING *)
       SELECT ${ENDPOINT_COLUMNS} FROM w`,
      [id, actor.companyId, actor.userId, input.url, input.description, input.eventTypes, input.payloadFormat],
    );
    await sql(`INSERT INTO webhook_secret (id, endpoint_id, secret) VALUES (gen_random_uuid(), $1::uuid, $2)`, [id, secret]);
    await recordAudit(sql, { actor, action: 'webhook_endpoint.create', targetType: 'webhook_endpoint', targetId: id, requestId: options.requestId, details: { url: input.url, eventTypes: input.eventTypes } });
    return { endpoint: endpoint!, secret };
  });
}
