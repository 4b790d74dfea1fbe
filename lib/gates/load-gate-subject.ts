// What the gate checks need about a container, in one statement: its latest shipment (a container has
// at most one open journey; the latest is the one at the gate), the shipment's declaration, its seals
// and its unacknowledged alerts. Null when no shipment of the container is known.
import type { Sql } from '../database/sql';
import type { GateSubject } from './gate-check';

const LOAD = `
SELECT trim(s.container_number) AS "containerNumber", s.id AS "shipmentId", s.status::text AS "shipmentStatus", s.closed_at AS "closedAt",
       d.id AS "declarationId", d.status::text AS "declarationStatus", d.mrn,
       ARRAY(SELECT x.identifier FROM shipment_seal x WHERE x.shipment_id = s.id ORDER BY x.identifier) AS seals,
       (SELECT COALESCE(json_agg(json_build_object('kind', a.kind, 'reason', a.reason) ORDER BY a.raised_at), '[]')
          FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL) AS "openAlerts"
  FROM shipment s JOIN declaration d ON d.id = s.declaration_id
 WHERE s.container_number = $1::bpchar
 ORDER BY s.created_at DESC
 LIMIT 1`;

export async function loadGateSubject(sql: Sql, containerNumber: string, sealsRead: string[] = []): Promise<GateSubject | null> {
  const [row] = await sql<Omit<GateSubject, 'sealsRead'>>(LOAD, [containerNumber]);
  return row ? { ...row, sealsRead } : null;
}
