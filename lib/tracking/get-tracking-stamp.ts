// The fingerprint of a tracking page as the actor sees it (one journey, or the list of shipments), for the
// portal's live view: see shipment-stamp.ts. A shipment the actor may not see has the stamp 'not-found',
// so polling it reveals nothing.
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import { getShipment } from './get-shipment';
import { listShipments } from './list-shipments';
import { shipmentStamp, stampOf } from './shipment-stamp';

/** Which page: one journey (by shipment id, else the container's latest), or the list. */
export interface TrackingStampScope {
  containerNumber?: string;
  shipmentId?: string;
}

export async function getTrackingStamp(actor: Actor, scope: TrackingStampScope): Promise<string> {
  if (scope.shipmentId || scope.containerNumber) {
    try {
      return shipmentStamp(scope.shipmentId ? await getShipment({ actor, id: scope.shipmentId }) : await getShipment({ actor, containerNumber: scope.containerNumber }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return 'not-found';
      throw error;
    }
  }
  // The newest shipments the actor sees, whatever the page's filters: a change there is worth a refresh.
  const page = await listShipments({ actor, first: 100 });
  return stampOf([page.totalCount, ...page.edges.map(({ node: s }) => `${s.id}:${s.status}:${s.eventCount}:${s.openAlertCount}:${s.closedAt?.toISOString() ?? ''}`)].join('|'));
}
