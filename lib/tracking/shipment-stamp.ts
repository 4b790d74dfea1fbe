// A short fingerprint of what one shipment's page shows: it changes when an event is stored, the status
// changes or an alert is raised or acknowledged. The portal's live view compares it every few seconds and
// renders the page again only when it changed (a refresh also re-prefetches every link in view).
import { createHash } from 'node:crypto';

import type { getShipment } from './get-shipment';

type ShipmentView = Awaited<ReturnType<typeof getShipment>>;

export const stampOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export function shipmentStamp(s: ShipmentView): string {
  return stampOf([s.id, s.status, s.eventCount, s.lastEventAt?.toISOString(), s.closedAt?.toISOString(), ...s.alerts.map((a) => `${a.id}:${a.acknowledgedAt?.toISOString() ?? ''}`)].join('|'));
}
