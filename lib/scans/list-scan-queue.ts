// The analysis centre's one queue across all stations: scans awaiting a verdict, highest priority
// first. Priority adds what makes a scan urgent — the declaration's lane (RED 40, YELLOW 20, none 10),
// open seal alerts on the shipment (30 each), the declaration's risk score (0.3 a point, at most 30)
// and waiting time (1 a minute, at most 60) — and each part is named in `reasons`. The SLA is
// SCAN_ANALYSIS_SLA_MINUTES from arrival. Per-station load (awaiting, late) comes with the page.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { assertScanReader } from './scan-access';

const filterInput = z
  .object({
    stationCode: z.string().trim().toUpperCase().max(40).nullish(),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'The country is ISO 3166-1 alpha-2.').nullish(),
    lateOnly: z.boolean().nullish(),
    unclaimedOnly: z.boolean().nullish(),
    containerNumber: z.string().trim().toUpperCase().max(11).nullish(),
  })
  .default({});
export type ScanQueueFilter = z.input<typeof filterInput>;

export interface ScanQueueEntry {
  scanId: string;
  priority: number;
  reasons: string[];
  waitingMinutes: number;
  dueAt: Date;
  late: boolean;
  claimedByName: string | null;
  claimedById: string | null;
  containerNumber: string | null;
  vehicleId: string | null;
  stationCode: string;
  receivedAt: Date;
  /** The parts of the priority, for pages that word them in the reader's language. */
  lane: string | null;
  openAlerts: number;
  riskScore: number;
}

export interface ScanQueuePage {
  slaMinutes: number;
  totalCount: number;
  lateCount: number;
  byStation: { stationCode: string; stationName: string; country: string; awaiting: number; late: number }[];
  edges: { cursor: string; node: ScanQueueEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const QUEUE = `
WITH q AS (
  SELECT s.id, s.created_at, st.code, st.country, s.container_number, s.vehicle_id,
         CASE d.lane WHEN 'RED' THEN 40 WHEN 'YELLOW' THEN 20 WHEN 'GREEN' THEN 0 ELSE 10 END AS lane_points, d.lane::text AS lane,
         (SELECT count(*) FROM tracking_alert a WHERE a.shipment_id = s.shipment_id AND a.acknowledged_at IS NULL)::int AS alerts,
         LEAST(COALESCE(d.risk_score, 0) * 0.3, 30) AS risk_points, COALESCE(d.risk_score, 0) AS risk_score,
         LEAST(EXTRACT(EPOCH FROM now() - s.created_at) / 60, 60) AS wait_points,
         (EXTRACT(EPOCH FROM now() - s.created_at) / 60)::int AS waiting,
         CASE WHEN c.claimed_at > now() - make_interval(mins => $2) THEN u.name END AS claimed_by,
         CASE WHEN c.claimed_at > now() - make_interval(mins => $2) THEN c.analyst_id END AS claimed_by_id
    FROM scan s JOIN scan_station st ON st.id = s.station_id
    LEFT JOIN declaration d ON d.id = s.declaration_id
    LEFT JOIN scan_claim c ON c.scan_id = s.id LEFT JOIN app_user u ON u.id = c.analyst_id
   WHERE s.status = 'AWAITING_ANALYSIS'
     AND ($3::text IS NULL OR st.code = $3) AND ($4::text IS NULL OR st.country = $4) AND ($5::text IS NULL OR s.container_number = $5)
     AND (NOT $6::boolean OR s.created_at <= now() - make_interval(mins => $1))
     AND (NOT $7::boolean OR c.claimed_at IS NULL OR c.claimed_at <= now() - make_interval(mins => $2)))
SELECT q.*, (lane_points + alerts * 30 + risk_points + wait_points)::float AS priority, count(*) OVER () AS total,
       count(*) FILTER (WHERE waiting >= $1) OVER () AS late_total
  FROM q ORDER BY priority DESC, created_at, id LIMIT $8 OFFSET $9`;

const LOAD = `
SELECT st.code AS "stationCode", st.name AS "stationName", st.country,
       count(s.id)::int AS awaiting, count(s.id) FILTER (WHERE s.created_at <= now() - make_interval(mins => $1))::int AS late
  FROM scan_station st LEFT JOIN scan s ON s.station_id = st.id AND s.status = 'AWAITING_ANALYSIS'
 WHERE st.revoked_at IS NULL GROUP BY st.id ORDER BY awaiting DESC, st.code`;

export async function listScanQueue(options: { actor: Actor; filter?: ScanQueueFilter | null; first?: number | null; after?: string | null }): Promise<ScanQueuePage> {
  assertScanReader(options.actor);
  const filter = parseInput(filterInput, options.filter ?? {});
  const first = options.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new AppError('BAD_USER_INPUT', 'first is between 1 and 100.', { field: 'first' });
  let offset = 0;
  if (options.after) {
    offset = Number(Buffer.from(options.after, 'base64url').toString('utf8').replace(/^scan-queue:/, ''));
    if (!Number.isInteger(offset) || offset < 0) throw new AppError('BAD_USER_INPUT', 'The cursor is not one this queue gave.', { field: 'after' });
  }
  const { SCAN_ANALYSIS_SLA_MINUTES: sla, SCAN_CLAIM_MINUTES: claim } = getEnv();
  const pool = getPool();
  const [{ rows }, load] = await Promise.all([
    pool.query<{ id: string; created_at: Date; lane: string | null; lane_points: number; alerts: number; risk_score: number; waiting: number; claimed_by: string | null; claimed_by_id: string | null; code: string; container_number: string | null; vehicle_id: string | null; priority: number; total: string; late_total: string }>(QUEUE, [
      sla,
      claim,
      filter.stationCode ?? null,
      filter.country ?? null,
      filter.containerNumber ?? null,
      filter.lateOnly ?? false,
      filter.unclaimedOnly ?? false,
      first + 1,
      offset,
    ]),
    pool.query<ScanQueuePage['byStation'][number]>(LOAD, [sla]),
  ]);
  const page = rows.slice(0, first);
  const cursor = (n: number) => Buffer.from(`scan-queue:${n}`).toString('base64url');
  return {
    slaMinutes: sla,
    totalCount: Number(rows[0]?.total ?? 0),
    lateCount: Number(rows[0]?.late_total ?? 0),
    byStation: load.rows,
    edges: page.map((r, i) => ({
      cursor: cursor(offset + i + 1),
      node: {
        scanId: r.id,
        priority: Math.round(r.priority * 10) / 10,
        reasons: [
          r.lane ? `Lane ${r.lane}` : 'No lane yet',
          ...(r.alerts ? [`${r.alerts} open seal alert${r.alerts === 1 ? '' : 's'}`] : []),
          ...(r.risk_score ? [`Risk score ${r.risk_score}`] : []),
          `Waiting ${r.waiting} min`,
        ],
        waitingMinutes: r.waiting,
        dueAt: new Date(r.created_at.getTime() + sla * 60_000),
        late: r.waiting >= sla,
        claimedByName: r.claimed_by,
        claimedById: r.claimed_by_id,
        containerNumber: r.container_number,
        vehicleId: r.vehicle_id,
        stationCode: r.code,
        receivedAt: r.created_at,
        lane: r.lane,
        openAlerts: r.alerts,
        riskScore: Number(r.risk_score),
      },
    })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursor(offset + page.length) : null },
  };
}
