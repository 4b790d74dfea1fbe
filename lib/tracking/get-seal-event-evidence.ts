// The event exactly as the gateway sent it (the evidence behind a timeline entry), read from its
// capture's document: each capture keeps its document once, each event its position in it.
import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import { loadShipmentRows } from './load-shipments';
import { assertTrackingReader, canReadShipment } from '../auth/policy';

export async function getSealEventEvidence(options: { actor: Actor; sealEventId: string }): Promise<{ captureId: string; receivedAt: Date; event: unknown }> {
  const { actor, sealEventId } = options;
  assertTrackingReader(actor);
  const notFound = new AppError('NOT_FOUND', `No seal event ${sealEventId} that you can see.`);
  if (!/^\d{1,18}$/.test(sealEventId)) throw notFound;
  const sql = sqlOfClient(getPool());
  const [row] = await sql<{ shipmentId: string; captureId: string | null; receivedAt: Date | null; event: unknown }>(
    `SELECT e.shipment_id AS "shipmentId", e.capture_id AS "captureId", c.received_at AS "receivedAt",
            COALESCE(c.document -> 'epcisBody' -> 'eventList' -> e.event_index, c.document -> 'events' -> e.event_index) AS event
       FROM seal_event e LEFT JOIN epcis_capture c ON c.id = e.capture_id
      WHERE e.id = $1::bigint`,
    [sealEventId],
  );
  if (!row) throw notFound;
  const [shipment] = await loadShipmentRows(sql, 's.id = $1::uuid', [row.shipmentId]);
  if (!shipment || !canReadShipment(actor, shipment.parties)) throw notFound;
  if (!row.captureId || row.event === null) throw new AppError('NOT_FOUND', `The document of seal event ${sealEventId} is not kept.`);
  return { captureId: row.captureId, receivedAt: row.receivedAt!, event: row.event };
}
