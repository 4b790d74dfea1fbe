// Route, seals and alerts of many shipments at once (three statements, for a per-request DataLoader:
// a page of shipments asking for their details). The shipments were already checked for visibility by
// the read that found them (getShipment, listShipments, listShipmentsOfDeclarations).
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { ALERT_COLUMNS, type AlertView, type RouteStopView, type SealView } from './load-shipments';

export interface ShipmentDetails {
  route: RouteStopView[];
  seals: SealView[];
  /** Newest first. */
  alerts: AlertView[];
}

/** For each shipment id asked, in order: its route (by sequence), seals and alerts. */
export async function loadShipmentDetails(shipmentIds: readonly string[]): Promise<ShipmentDetails[]> {
  const ids = [...new Set(shipmentIds)];
  const sql = sqlOfClient(getPool());
  const [route, seals, alerts] = await Promise.all([
    sql<RouteStopView & { shipmentId: string }>(
      `SELECT shipment_id AS "shipmentId", sequence, role::text AS role, trim(locode) AS locode, name, latitude, longitude, radius_km AS "radiusKm"
         FROM route_stop WHERE shipment_id = ANY($1::uuid[]) ORDER BY shipment_id, sequence`,
      [ids],
    ),
    sql<SealView & { shipmentId: string }>(
      `SELECT shipment_id AS "shipmentId", type::text AS type, identifier, seal_class AS "sealClass", manufacturer, serial, source::text AS source, applied_at AS "appliedAt"
         FROM shipment_seal WHERE shipment_id = ANY($1::uuid[]) ORDER BY shipment_id, created_at, identifier`,
      [ids],
    ),
    sql<AlertView>(`SELECT ${ALERT_COLUMNS} FROM tracking_alert a WHERE a.shipment_id = ANY($1::uuid[]) ORDER BY a.raised_at DESC, a.id`, [ids]),
  ]);
  const details = new Map<string, ShipmentDetails>(ids.map((id) => [id, { route: [], seals: [], alerts: [] }]));
  for (const { shipmentId, ...stop } of route) details.get(shipmentId)?.route.push(stop);
  for (const { shipmentId, ...seal } of seals) details.get(shipmentId)?.seals.push(seal);
  for (const alert of alerts) details.get(alert.shipmentId)?.alerts.push(alert);
  return shipmentIds.map((id) => details.get(id)!);
}
