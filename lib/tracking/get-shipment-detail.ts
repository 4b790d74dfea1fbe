// What the portal's shipment page shows, in one call: the shipment (the latest journey of a container,
// or an earlier one by id), a page of its timeline, the latest events placed on the map (positions and
// breaches), and who acknowledged its alerts. The page only renders it.
import type { Actor } from '../auth/actor';
import { loadUsers } from '../declarations/load-declaration-parts';
import { AppError } from '../errors';
import type { SealEventKind } from '../generated/prisma/enums';
import { getShipment } from './get-shipment';
import { getTrackingTimeline, type TimelineEvent, type TimelinePage } from './get-tracking-timeline';
import type { ShipmentView } from './load-shipments';
import { findUnLocode } from './find-un-locode';

/** Events that open the container or break its seal: red on the map and in the timeline. */
export const BREACH_KINDS: readonly SealEventKind[] = ['TAMPER', 'OPENED', 'REMOVED'];

/** Events read for the map: the latest ones, in pages of the timeline's largest size. */
const MAP_EVENTS = 2_000;
const MAP_PAGE = 500;

/** An event placed on the map. */
export interface ShipmentMapPoint {
  latitude: number;
  longitude: number;
  at: Date;
  kind: SealEventKind;
  /** The event raised an alert. */
  alerted: boolean;
}

export interface ShipmentDetail {
  shipment: ShipmentView;
  /** The page asked for (newest first), or why it could not be read (a stale or foreign cursor). */
  timeline: { page: TimelinePage; error: null } | { page: null; error: string };
  map: {
    /** Reported positions, oldest first. */
    positions: ShipmentMapPoint[];
    /** Openings, removals and tampering, located by their position or else their place. */
    breaches: ShipmentMapPoint[];
    last: { latitude: number; longitude: number; at: Date } | null;
    /** How many events the map was drawn from (the latest MAP_EVENTS at most). */
    eventsShown: number;
  };
  /** Email of each user who acknowledged one of the shipment's alerts, by user id. */
  acknowledgedBy: Record<string, string>;
}

/** The latest events (up to MAP_EVENTS), oldest first, for the map. */
async function mapEvents(actor: Actor, shipmentId: string): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  let after: string | undefined;
  do {
    const page = await getTrackingTimeline({ actor, shipmentId, newestFirst: true, first: MAP_PAGE, after });
    events.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && events.length < MAP_EVENTS);
  return events.reverse();
}

/** Where an event happened: its own position, else its place's coordinates when Clearway knows them. */
function located(e: TimelineEvent): { latitude: number; longitude: number } | null {
  if (e.latitude !== null && e.longitude !== null) return { latitude: e.latitude, longitude: e.longitude };
  const place = e.locode ? findUnLocode(e.locode) : undefined;
  return place ? { latitude: place.latitude, longitude: place.longitude } : null;
}

/**
 * The shipment page of `containerNumber`: its latest journey the actor may see, or the journey
 * `shipmentId` when that is one of the container's. Null when there is none the actor may see (the page
 * answers 404 either way, so that a foreign container and a missing one look the same).
 */
export async function getShipmentDetail(options: { actor: Actor; containerNumber: string; shipmentId?: string; after?: string; first: number }): Promise<ShipmentDetail | null> {
  const { actor, containerNumber, shipmentId, after, first } = options;
  let shipment: ShipmentView;
  try {
    shipment = shipmentId ? await getShipment({ actor, id: shipmentId }) : await getShipment({ actor, containerNumber });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (shipment.containerNumber !== containerNumber.trim().toUpperCase()) return null;

  const [timeline, forMap] = await Promise.all([
    getTrackingTimeline({ actor, shipmentId: shipment.id, newestFirst: true, first, after }).then(
      (page) => ({ page, error: null }),
      (e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'BAD_USER_INPUT') throw e;
        return { page: null, error: e.details.fieldErrors?.map((f) => f.message).join(' ') || e.message };
      },
    ),
    mapEvents(actor, shipment.id),
  ]);
  const userIds = [...new Set(shipment.alerts.map((a) => a.acknowledgedById).filter((u): u is string => !!u))];
  const acknowledgedBy = Object.fromEntries((await loadUsers(userIds)).filter((u) => u !== null).map((u) => [u.id, u.email]));

  const positions: ShipmentMapPoint[] = forMap.flatMap((e) =>
    e.latitude !== null && e.longitude !== null ? [{ latitude: e.latitude, longitude: e.longitude, at: e.eventTime, kind: e.kind, alerted: e.alerts.length > 0 }] : [],
  );
  const breaches: ShipmentMapPoint[] = forMap.flatMap((e) => {
    const at = BREACH_KINDS.includes(e.kind) ? located(e) : null;
    return at ? [{ ...at, at: e.eventTime, kind: e.kind, alerted: e.alerts.length > 0 }] : [];
  });
  const last = shipment.lastPosition ? { latitude: shipment.lastPosition.latitude, longitude: shipment.lastPosition.longitude, at: shipment.lastPosition.at } : null;
  return { shipment, timeline, map: { positions, breaches, last, eventsShown: forMap.length }, acknowledgedBy };
}
