// Changes an endpoint's URL, description, event types, or turns it back on (enabled: true clears a
// disablement — after a 410 or five days of failures — and its failure run).
import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { parseInput } from '../validation';
import { ENDPOINT_COLUMNS, loadOwnEndpoint, type EndpointRow } from './load-own-endpoint';
import { resolveWebhookAddress } from './resolve-webhook-address';
import { webhookEndpointChanges } from './webhook-endpoint-input';

export async function updateWebhookEndpoint(options: {
  actor: Actor;
  id: string;
  input: { url?: string | null; description?: string | null; eventTypes?: string[] | null; payloadFormat?: string | null; enabled?: boolean | null };
  requestId?: string;
}): Promise<EndpointRow> {
  const { actor, id } = options;
  const given = Object.fromEntries(Object.entries(options.input).filter(([, v]) => v !== null && v !== undefined));
  // zod fills defaults (every event type, JSON) for absent fields: only what was given changes.
  const input = parseInput(webhookEndpointChanges, given);
  if (input.url !== undefined) await resolveWebhookAddress(input.url);
  return sqlTransaction(async (sql) => {
    await loadOwnEndpoint(sql, actor, id, { lock: true });
    const [endpoint] = await sql<EndpointRow>(
      `WITH w AS (
         UPDATE webhook_endpoint SET url = COALESCE($2, url), description = COALESCE($3, description), event_types = COALESCE($4::text[], event_types), payload_format = COALESCE($6, payload_format),
                disabled_at = CASE WHEN $5::boolean IS TRUE THEN NULL WHEN $5::boolean IS FALSE THEN COALESCE(disabled_at, now()) ELSE disabled_at END,
                disabled_reason = CASE WHEN $5::boolean IS TRUE THEN NULL WHEN $5::boolean IS FALSE THEN COALESCE(disabled_reason, 'Disabled by an administrator.') ELSE disabled_reason END,
                failing_since = CASE WHEN $5::boolean IS TRUE THEN NULL ELSE failing_since END,
                updated_at = now()
          WHERE id = $1::uuid RETURNING *)
       SELECT ${ENDPOINT_COLUMNS} FROM w`,
      [id, input.url ?? null, 'description' in given ? input.description : null, 'eventTypes' in given ? input.eventTypes : null, input.enabled ?? null, 'payloadFormat' in given ? input.payloadFormat : null],
    );
    await recordAudit(sql, { actor, action: 'webhook_endpoint.update', targetType: 'webhook_endpoint', targetId: id, requestId: options.requestId, details: { changes: Object.keys(given).sort() } });
    return endpoint!;
  });
}
