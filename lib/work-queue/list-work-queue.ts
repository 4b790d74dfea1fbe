// The filer's work queue (brokers over all their clients, traders' clerks over their company): every open
// declaration they may see, those needing their action first — a query to answer, a rejection to fix,
// duties to pay, a draft to submit — then those waiting on customs, each with its client, status, lane
// and age. Keyset pagination on (action rank, last change, id). Permit requests (issue 13) join the
// ranking with one line in ACTION_SQL when they land.
import type { Actor } from '../auth/actor';
import { assertFiler, declarationVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import type { DeclarationStatus, RiskLane } from '../generated/prisma/client';
import { decodeCursor, encodeCursor } from '../pagination';
import { fieldsNeedCorrecting, parseInput } from '../validation';
import { workQueueFilters, type WorkQueueFilters } from './work-queue-filters';

export type WorkQueueAction = 'ANSWER_QUERY' | 'ANSWER_PERMIT_REQUEST' | 'FIX_REJECTION' | 'PAY_DUTIES' | 'SUBMIT_DRAFT' | 'WAIT_FOR_CUSTOMS';

export interface WorkQueueItem {
  declarationId: string;
  lrn: string;
  mrn: string | null;
  status: DeclarationStatus;
  lane: RiskLane | null;
  action: WorkQueueAction;
  clientId: string | null;
  clientName: string | null;
  dutyTotal: string | null;
  changedAt: Date;
  ageSeconds: number;
}

// Rank and action per status; a rejection stays on the queue 30 days. A permit the declaration needs
// comes second: an agency asked the applicant something, or the application is still a draft.
const ACTION_SQL = `CASE WHEN d.status = 'QUERY' THEN 0
  WHEN EXISTS (SELECT 1 FROM permit_application pa WHERE pa.declaration_id = d.id AND pa.status IN ('INFO_REQUESTED', 'DRAFT')) THEN 1
  WHEN d.status = 'REJECTED' THEN 2 WHEN d.status = 'DUTY_ASSESSED' THEN 3 WHEN d.status = 'DRAFT' THEN 4 ELSE 5 END`;
const ACTIONS: WorkQueueAction[] = ['ANSWER_QUERY', 'ANSWER_PERMIT_REQUEST', 'FIX_REJECTION', 'PAY_DUTIES', 'SUBMIT_DRAFT', 'WAIT_FOR_CUSTOMS'];
const CURSOR_SHAPE = /^[0-5]\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f-]{36}$/;

export async function listWorkQueue(options: { actor: Actor; filters?: unknown; first?: number | null; after?: string | null }): Promise<{ nodes: WorkQueueItem[]; hasNextPage: boolean; endCursor: string | null; totalCount: number }> {
  const { actor } = options;
  assertFiler(actor);
  const filters: WorkQueueFilters = parseInput(workQueueFilters, options.filters ?? {});
  if (filters.from && filters.to && filters.from > filters.to) {
    throw fieldsNeedCorrecting([{ path: ['filters', 'to'], code: 'INVALID', message: 'The end date is before the start date.' }]);
  }
  const first = Math.min(Math.max(options.first ?? 50, 1), 500);
  const visible = declarationVisibilitySql(actor, 6);
  const conditions = [
    visible.where,
    `(d.status NOT IN ('RELEASED', 'CANCELLED') AND (d.status <> 'REJECTED' OR d.updated_at > now() - interval '30 days'))`,
    `($1::uuid IS NULL OR (CASE WHEN d.type = 'EX' THEN d.exporter_id ELSE d.importer_id END) = $1::uuid)`,
    `($2::text[] IS NULL OR d.status::text = ANY($2::text[]))`,
    `($3::text IS NULL OR d.lane::text = $3)`,
    `($4::date IS NULL OR d.updated_at >= $4::date)`,
    `($5::date IS NULL OR d.updated_at < $5::date + 1)`,
  ];
  const base = [filters.clientId ?? null, filters.status?.length ? filters.status : null, filters.lane ?? null, filters.from ?? null, filters.to ?? null];
  let afterSql = 'true';
  const afterParams: unknown[] = [];
  if (options.after) {
    const [rank, at, id] = decodeCursor(options.after, 'workQueue', CURSOR_SHAPE).split('|');
    const n = 6 + visible.params.length;
    afterSql = `(${ACTION_SQL}, d.updated_at, d.id) > ($${n + 1}::int, $${n + 2}::timestamptz, $${n + 3}::uuid)`;
    afterParams.push(Number(rank), at, id);
  }
  const sql = sqlOfClient(getPool());
  const where = conditions.join(' AND ');
  const params = [...base, first + 1, ...visible.params, ...afterParams];
  const [rows, [count]] = await Promise.all([
    sql<Omit<WorkQueueItem, 'action' | 'ageSeconds'> & { rank: number; ageSeconds: string }>(
      `SELECT d.id AS "declarationId", d.lrn, d.mrn, d.status::text AS status, d.lane::text AS lane, ${ACTION_SQL} AS rank,
              c.id AS "clientId", c.name AS "clientName", d.duty_total::text AS "dutyTotal", d.updated_at AS "changedAt",
              floor(extract(epoch FROM now() - d.updated_at))::bigint::text AS "ageSeconds"
         FROM declaration d LEFT JOIN company c ON c.id = (CASE WHEN d.type = 'EX' THEN d.exporter_id ELSE d.importer_id END)
        WHERE ${where} AND ${afterSql}
        ORDER BY rank, d.updated_at, d.id LIMIT $6`,
      params,
    ),
    sql<{ n: number }>(`SELECT count(*)::int AS n FROM declaration d WHERE ${where} AND $6::int > 0`, [...base, first + 1, ...visible.params]),
  ]);
  const nodes = rows.slice(0, first).map(({ rank, ageSeconds, ...r }) => ({ ...r, action: ACTIONS[rank]!, ageSeconds: Number(ageSeconds) }));
  const last = rows[nodes.length - 1];
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor('workQueue', `${last.rank}|${last.changedAt.toISOString()}|${last.declarationId}`) : null,
    totalCount: count!.n,
  };
}
