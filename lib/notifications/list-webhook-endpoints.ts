// The company's webhook endpoints, for its administrators (secrets are never listed: they are shown once).
import type { Actor } from '../auth/actor';
import { assertCompanyAdmin } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { ENDPOINT_COLUMNS, type EndpointRow } from './load-own-endpoint';

export async function listWebhookEndpoints(options: { actor: Actor }): Promise<EndpointRow[]> {
  const { actor } = options;
  assertCompanyAdmin(actor);
  return sqlOfClient(getPool())<EndpointRow>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoint w WHERE w.company_id = $1::uuid ORDER BY w.created_at, w.id`, [actor.companyId]);
}
