// Everything a gate decision reads, in one statement (a decision is on the terminal's critical path:
// each round trip counts, bench/gates.ts): the gate by its code and whether this request was decided
// there before, and the container at the gate: its latest shipment (a container has at most one open
// journey; the latest is the one at the gate), the shipment's declaration, its seals, its
// unacknowledged alerts, how many permit requirements the declaration has stored, and its open SUSPECT
// scan (lib/scans' own query). The gate is null when no gate has the code; the subject is null when no
// shipment of the container is known.
import type { Sql } from '../database/sql';
import { openSuspectScanQuery } from '../scans/find-open-suspect-scan';
import type { GateSubject } from './gate-check';
import { GATE_COLUMNS, type GateView } from './gate-event-view';

const LOAD = `
SELECT ${GATE_COLUMNS},
       EXISTS (SELECT 1 FROM gate_event e WHERE e.gate_id = g.id AND e.request_key = $2) AS seen,
       (SELECT json_build_object('scanId', x.scan_id, 'declarationId', x.declaration_id, 'decidedAt', x.decided_at, 'labels', x.labels)
          FROM (${openSuspectScanQuery('$1')}) x) AS "openSuspectScan",
       c.*
  FROM gate g
  LEFT JOIN LATERAL (
    SELECT trim(s.container_number) AS "containerNumber", s.id AS "shipmentId", s.status::text AS "shipmentStatus", s.closed_at AS "closedAt",
           d.id AS "declarationId", d.status::text AS "declarationStatus", d.mrn,
           ARRAY(SELECT x.identifier FROM shipment_seal x WHERE x.shipment_id = s.id ORDER BY x.identifier) AS seals,
           (SELECT COALESCE(json_agg(json_build_object('kind', a.kind, 'reason', a.reason) ORDER BY a.raised_at), '[]')
              FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL) AS "openAlerts",
           (SELECT count(*) FROM declaration_permit_requirement q WHERE q.declaration_id = d.id)::int AS "storedPermitRequirements"
      FROM shipment s JOIN declaration d ON d.id = s.declaration_id
     WHERE s.container_number = $1::bpchar
     ORDER BY s.created_at DESC
     LIMIT 1) c ON true
 WHERE g.code = $3`;

type Row = GateView & { seen: boolean; openSuspectScan: { scanId: string; declarationId: string | null; decidedAt: string; labels: string[] | null } | null } & Omit<
    GateSubject,
    'sealsRead' | 'openSuspectScan'
  > & { shipmentId: string | null };

export async function loadGateSubject(
  sql: Sql,
  options: { gate: string; requestKey: string; containerNumber: string; sealsRead: string[] },
): Promise<{ gate: (GateView & { seen: boolean }) | null; subject: GateSubject | null }> {
  const [row] = await sql<Row>(LOAD, [options.containerNumber, options.requestKey, options.gate]);
  if (!row) return { gate: null, subject: null };
  const { id, code, name, locode, direction, operatorCompanyId, retiredAt, seen, openSuspectScan: scan, ...subject } = row;
  const gate = { id, code, name, locode, direction, operatorCompanyId, retiredAt, seen };
  if (subject.shipmentId === null) return { gate, subject: null };
  const openSuspectScan = scan && { scanId: scan.scanId, declarationId: scan.declarationId, decidedAt: new Date(scan.decidedAt), labels: scan.labels ?? [] };
  return { gate, subject: { ...subject, shipmentId: subject.shipmentId, openSuspectScan, sealsRead: options.sealsRead } };
}
