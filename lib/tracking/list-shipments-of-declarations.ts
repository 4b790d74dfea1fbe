// The shipments of many declarations in one statement, for a per-request DataLoader (a page of
// declarations asking for their shipments). Same rules as listShipments: a token needs tracking:read
// (refused for the whole batch), and only shipments the actor may see are returned.
import type { Actor } from '../auth/actor';
import { assertTrackingReader, shipmentVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { loadShipmentRows, withoutParties, type ShipmentSummary } from './load-shipments';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For each declaration id asked, in order: its shipments the actor may see, oldest first. */
export async function listShipmentsOfDeclarations(options: { actor: Actor; declarationIds: readonly string[] }): Promise<ShipmentSummary[][]> {
  const { actor, declarationIds } = options;
  assertTrackingReader(actor);
  const ids = [...new Set(declarationIds.filter((id) => UUID.test(id)))];
  const visible = shipmentVisibilitySql(actor, 1);
  const rows = ids.length
    ? await loadShipmentRows(sqlOfClient(getPool()), `s.declaration_id = ANY($1::uuid[]) AND ${visible.where}`, [ids, ...visible.params], 'ORDER BY s.created_at, s.id')
    : [];
  const byDeclaration = new Map<string, ShipmentSummary[]>(ids.map((id) => [id, []]));
  for (const row of rows) byDeclaration.get(row.declaration.id)?.push(withoutParties(row));
  return declarationIds.map((id) => byDeclaration.get(id) ?? []);
}
