// The officers' side of a SUSPECT verdict: scans whose marked regions still await the physical
// inspection (no recordScanInspection yet), oldest verdict first, so the portal can send an officer
// to each one. The same condition the terminal gate holds on (find-open-suspect-scan.ts).
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { assertScanReader } from './scan-access';

export interface ScanAwaitingInspection {
  scanId: string;
  containerNumber: string | null;
  vehicleId: string | null;
  stationCode: string;
  decidedAt: Date;
  analystName: string;
  labels: string[];
  declaration: { id: string; lrn: string; status: string } | null;
}

export async function listScansAwaitingInspection(options: { actor: Actor; first?: number }): Promise<ScanAwaitingInspection[]> {
  assertScanReader(options.actor);
  const first = Math.min(Math.max(options.first ?? 50, 1), 200);
  const { rows } = await getPool().query<ScanAwaitingInspection & { declarationId: string | null; lrn: string | null; status: string | null }>(
    `SELECT s.id AS "scanId", s.container_number AS "containerNumber", s.vehicle_id AS "vehicleId", st.code AS "stationCode", v.decided_at AS "decidedAt", u.name AS "analystName",
            ARRAY(SELECT DISTINCT a.label FROM scan_annotation a WHERE a.scan_id = s.id AND a.source = 'ANALYST' ORDER BY a.label) AS labels,
            d.id AS "declarationId", d.lrn, d.status::text AS status
       FROM scan s JOIN scan_verdict v ON v.scan_id = s.id JOIN scan_station st ON st.id = s.station_id JOIN app_user u ON u.id = v.decided_by_id
       LEFT JOIN declaration d ON d.id = s.declaration_id
      WHERE v.verdict = 'SUSPECT' AND v.inspected_at IS NULL
      ORDER BY v.decided_at, s.id LIMIT $1`,
    [first],
  );
  return rows.map(({ declarationId, lrn, status, ...r }) => ({ ...r, declaration: declarationId ? { id: declarationId, lrn: lrn!, status: status! } : null }));
}
