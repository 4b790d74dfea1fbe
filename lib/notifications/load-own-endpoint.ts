// A webhook endpoint of the actor's own company, for its administrators; any other id (another
// company's, or none) is "not found", so ids cannot be probed.
import type { Actor } from '../auth/actor';
import { assertCompanyAdmin } from '../auth/policy';
import type { Sql } from '../database/sql';
import { AppError } from '../errors';

export interface EndpointRow {
  id: string;
  companyId: string;
  url: string;
  description: string;
  eventTypes: string[];
  payloadFormat: 'JSON' | 'XML' | 'EDIFACT';
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ENDPOINT_COLUMNS = `w.id, w.company_id AS "companyId", w.url, w.description, COALESCE(w.event_types, '{}') AS "eventTypes", w.payload_format AS "payloadFormat", w.disabled_at AS "disabledAt",
  w.disabled_reason AS "disabledReason", w.failing_since AS "failingSince", w.created_at AS "createdAt", w.updated_at AS "updatedAt"`;

export async function loadOwnEndpoint(sql: Sql, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<EndpointRow> {
  assertCompanyAdmin(actor);
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? (await sql<EndpointRow>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoint w WHERE w.id = $1::uuid AND w.company_id = $2::uuid ${options.lock ? 'FOR UPDATE' : ''}`, [id, actor.companyId]))[0]
    : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No webhook endpoint ${id} in your company.`, { fieldErrors: [{ path: ['id'], code: 'UNKNOWN', message: 'No such webhook endpoint in your company.' }] });
  return row;
}
