// Reading shipments for the read functions (getShipment, listShipments, getTrackingTimeline): the
// shipment with its declaration's parties (for the visibility check), and on demand its route, seals
// and alerts. Plain SQL on the shared pool, like the other read paths that must stay fast.
import type { DeclarationParties } from '../auth/policy';
import type { Sql } from '../database/sql';
import type { RiskLane, RouteStopRole, SealSource, SealType, ShipmentStatus, TrackingAlertKind } from '../generated/prisma/enums';

export interface ShipmentSummary {
  id: string;
  containerNumber: string;
  status: ShipmentStatus;
  /** Event time of the evidence that set the status. */
  statusAt: Date | null;
  originLocode: string;
  destinationLocode: string;
  lastEventAt: Date | null;
  lastPosition: { latitude: number; longitude: number; at: Date; locode: string | null } | null;
  eventCount: number;
  openAlertCount: number;
  closedAt: Date | null;
  createdAt: Date;
  declaration: { id: string; lrn: string; mrn: string | null; status: string; lane: RiskLane | null };
}

export interface RouteStopView {
  sequence: number;
  role: RouteStopRole;
  locode: string;
  name: string;
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface SealView {
  type: SealType;
  /** Mechanical: the seal number; electronic: "MANUFACTURER:SERIAL". */
  identifier: string;
  sealClass: string | null;
  manufacturer: string | null;
  serial: string | null;
  source: SealSource | null;
  appliedAt: Date | null;
}

export interface AlertView {
  id: string;
  shipmentId: string;
  kind: TrackingAlertKind;
  reason: string;
  raisedAt: Date;
  /** seal_event.id of the event that raised it; null for a silent seal. */
  sealEventId: string | null;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  acknowledgementNote: string | null;
}

export interface ShipmentView extends ShipmentSummary {
  route: RouteStopView[];
  seals: SealView[];
  /** Newest first. */
  alerts: AlertView[];
}

export type ShipmentRow = ShipmentSummary & { parties: DeclarationParties };

export const SHIPMENT_SELECT = `
SELECT s.id, trim(s.container_number) AS "containerNumber", s.status::text AS status, s.status_at AS "statusAt",
       trim(s.origin_locode) AS "originLocode", trim(s.destination_locode) AS "destinationLocode", s.last_event_at AS "lastEventAt",
       s.last_latitude AS "lastLatitude", s.last_longitude AS "lastLongitude", s.last_position_at AS "lastPositionAt", trim(s.last_locode) AS "lastLocode",
       s.event_count AS "eventCount", s.closed_at AS "closedAt", s.created_at AS "createdAt",
       (SELECT count(*)::int FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL) AS "openAlertCount",
       d.id AS "declarationId", d.lrn, d.mrn, d.status::text AS "declarationStatus", d.lane::text AS lane, d.type::text AS type,
       d.declarant_id AS "declarantId", d.importer_id AS "importerId", d.exporter_id AS "exporterId", d.representative_id AS "representativeId"
  FROM shipment s JOIN declaration d ON d.id = s.declaration_id`;

interface RawRow {
  id: string;
  containerNumber: string;
  status: ShipmentStatus;
  statusAt: Date | null;
  originLocode: string;
  destinationLocode: string;
  lastEventAt: Date | null;
  lastLatitude: number | null;
  lastLongitude: number | null;
  lastPositionAt: Date | null;
  lastLocode: string | null;
  eventCount: number;
  closedAt: Date | null;
  createdAt: Date;
  openAlertCount: number;
  declarationId: string;
  lrn: string;
  mrn: string | null;
  declarationStatus: string;
  lane: RiskLane | null;
  type: DeclarationParties['type'];
  declarantId: string;
  importerId: string | null;
  exporterId: string | null;
  representativeId: string | null;
}

function toShipmentRow(r: RawRow): ShipmentRow {
  return {
    id: r.id,
    containerNumber: r.containerNumber,
    status: r.status,
    statusAt: r.statusAt,
    originLocode: r.originLocode,
    destinationLocode: r.destinationLocode,
    lastEventAt: r.lastEventAt,
    lastPosition:
      r.lastLatitude !== null && r.lastLongitude !== null && r.lastPositionAt
        ? { latitude: r.lastLatitude, longitude: r.lastLongitude, at: r.lastPositionAt, locode: r.lastLocode }
        : null,
    eventCount: r.eventCount,
    openAlertCount: r.openAlertCount,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    declaration: { id: r.declarationId, lrn: r.lrn, mrn: r.mrn, status: r.declarationStatus, lane: r.lane },
    parties: { type: r.type, status: r.declarationStatus as DeclarationParties['status'], declarantId: r.declarantId, importerId: r.importerId, exporterId: r.exporterId, representativeId: r.representativeId },
  };
}

/** Shipments matching `where` (SQL on aliases s and d), newest first. */
export async function loadShipmentRows(sql: Sql, where: string, params: unknown[], tail = ''): Promise<ShipmentRow[]> {
  const rows = await sql<RawRow>(`${SHIPMENT_SELECT} WHERE ${where} ${tail || 'ORDER BY s.created_at DESC, s.id DESC'}`, params);
  return rows.map(toShipmentRow);
}

export const ALERT_COLUMNS = `a.id, a.shipment_id AS "shipmentId", a.kind::text AS kind, a.reason, a.raised_at AS "raisedAt", a.seal_event_id::text AS "sealEventId",
  a.acknowledged_at AS "acknowledgedAt", a.acknowledged_by_id AS "acknowledgedById", a.acknowledgement_note AS "acknowledgementNote"`;

/** The shipment with its route, seals and alerts (the row was already checked for visibility). */
export async function loadShipmentView(sql: Sql, row: ShipmentRow): Promise<ShipmentView> {
  const [route, seals, alerts] = await Promise.all([
    sql<RouteStopView>(
      `SELECT sequence, role::text AS role, trim(locode) AS locode, name, latitude, longitude, radius_km AS "radiusKm" FROM route_stop WHERE shipment_id = $1 ORDER BY sequence`,
      [row.id],
    ),
    sql<SealView>(
      `SELECT type::text AS type, identifier, seal_class AS "sealClass", manufacturer, serial, source::text AS source, applied_at AS "appliedAt"
         FROM shipment_seal WHERE shipment_id = $1 ORDER BY created_at, identifier`,
      [row.id],
    ),
    sql<AlertView>(`SELECT ${ALERT_COLUMNS} FROM tracking_alert a WHERE a.shipment_id = $1 ORDER BY a.raised_at DESC, a.id`, [row.id]),
  ]);
  const { parties: _parties, ...summary } = row;
  return { ...summary, route, seals, alerts };
}

export function withoutParties(row: ShipmentRow): ShipmentSummary {
  const { parties: _parties, ...summary } = row;
  return summary;
}
