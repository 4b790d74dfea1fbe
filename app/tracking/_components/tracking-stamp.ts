// A short fingerprint of what a tracking page shows: it changes when an event is stored, a status
// changes or an alert is raised or acknowledged. The live view compares it every few seconds and
// renders the page again only when it changed (a refresh also re-prefetches every link in view).
import { createHash } from 'node:crypto';

import { AppError } from '../../../lib/errors';
import { getShipment } from '../../../lib/tracking/get-shipment';
import { listShipments } from '../../../lib/tracking/list-shipments';
import type { Actor } from '../../session';
import type { ShipmentView } from './tracking-format';

/** Which page: one journey (by shipment id, else the container's latest), or the list. */
export interface StampScope {
  containerNumber?: string;
  shipmentId?: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export function shipmentStamp(s: ShipmentView): string {
  return hash([s.id, s.status, s.eventCount, s.lastEventAt?.toISOString(), s.closedAt?.toISOString(), ...s.alerts.map((a) => `${a.id}:${a.acknowledgedAt?.toISOString() ?? ''}`)].join('|'));
}

export async function trackingStamp(actor: Actor, scope: StampScope): Promise<string> {
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
  return hash([page.totalCount, ...page.edges.map(({ node: s }) => `${s.id}:${s.status}:${s.eventCount}:${s.openAlertCount}:${s.closedAt?.toISOString() ?? ''}`)].join('|'));
}
