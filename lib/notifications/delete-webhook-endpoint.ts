// Removes an endpoint with its secrets and delivery log (cascade); pending deliveries stop (their jobs find no row).
import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { loadOwnEndpoint } from './load-own-endpoint';

export async function deleteWebhookEndpoint(options: { actor: Actor; id: string; requestId?: string }): Promise<void> {
  const { actor, id } = options;
  await sqlTransaction(async (sql) => {
    const endpoint = await loadOwnEndpoint(sql, actor, id, { lock: true });
    await sql(`DELETE FROM webhook_endpoint WHERE id = $1::uuid`, [id]);
    await recordAudit(sql, { actor, action: 'webhook_endpoint.delete', targetType: 'webhook_endpoint', targetId: id, requestId: options.requestId, details: { url: endpoint.url } });
  });
}
