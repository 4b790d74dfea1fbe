// One shipment with its status, last known position, route, seals and alerts: by id, or by container
// number (the latest journey of that container the actor may see). Not visible = not found.
import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import { loadShipmentRows, loadShipmentView, type ShipmentView } from './load-shipments';
import { assertTrackingReader, canReadShipment } from '../auth/policy';

export async function getShipment(options: { actor: Actor; id?: string | null; containerNumber?: string | null }): Promise<ShipmentView> {
  const { actor, id } = options;
  const containerNumber = options.containerNumber?.trim().toUpperCase();
  if ((id ? 1 : 0) + (containerNumber ? 1 : 0) !== 1) throw new AppError('BAD_USER_INPUT', 'Give exactly one of id or containerNumber.');
  assertTrackingReader(actor);
  const sql = sqlOfClient(getPool());
  const rows = id
    ? /^[0-9a-f-]{36}$/i.test(id)
      ? await loadShipmentRows(sql, 's.id = $1::uuid', [id])
      : []
    : await loadShipmentRows(sql, 's.container_number = $1', [containerNumber]);
  const row = rows.find((r) => canReadShipment(actor, r.parties));
  if (!row) throw new AppError('NOT_FOUND', `No shipment ${id ?? `of container ${containerNumber}`} that you can see.`);
  return loadShipmentView(sql, row);
}
