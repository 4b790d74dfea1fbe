// Types, words and formats of the tracking pages. The types come from the lib/ functions that return
// them (app/ never imports the Prisma client's generated types).
import type { getShipment } from '../../../lib/tracking/get-shipment';
import type { getTrackingTimeline } from '../../../lib/tracking/get-tracking-timeline';
import { findUnLocode } from '../../../lib/tracking/find-un-locode';

export type ShipmentView = Awaited<ReturnType<typeof getShipment>>;
export type ShipmentStatus = ShipmentView['status'];
export type AlertView = ShipmentView['alerts'][number];
export type AlertKind = AlertView['kind'];
export type RouteStop = ShipmentView['route'][number];
export type TimelineEvent = Awaited<ReturnType<typeof getTrackingTimeline>>['edges'][number]['node'];
export type EventKind = TimelineEvent['kind'];

export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = ['SEALED_INTACT', 'OPENED_AUTHORIZED', 'TAMPER_SUSPECTED'];

export function isShipmentStatus(value: string | undefined): value is ShipmentStatus {
  return !!value && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

/** English alert names for the declaration page's shipments section (not yet converted); the tracking pages use `tracking.alertKind.*`. */
export const ALERT_LABEL: Record<AlertKind, string> = {
  TAMPER: 'Tampering',
  OPENED_OUTSIDE_AREA: 'Opened outside an authorized area',
  SEAL_MISMATCH: 'Seal mismatch',
  RESEALED_WITHOUT_CUSTOMS: 'Resealed without customs',
  SILENT_SEAL: 'Silent seal',
};

export { BREACH_KINDS } from '../../../lib/tracking/get-shipment-detail';

/** A container number as in the address: four letters, seven digits (ISO 6346). */
export const CONTAINER_NUMBER = /^[A-Z]{4}\d{7}$/;

/** "Shanghai (CNSHA)" for places Clearway knows, else the code. */
export function placeName(locode: string | null | undefined): string {
  if (!locode) return '—';
  const known = findUnLocode(locode);
  return known ? `${known.name} (${locode})` : locode;
}

/** "12.3456° N, 45.6789° E". */
export function formatPosition(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(4)}° ${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(longitude).toFixed(4)}° ${longitude < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}

/** "2026-03-01 18:00 (UTC+08:00)" from lib's local time "2026-03-01T18:00:00.000+08:00". */
export function formatLocalTime(localTime: string, offset: string): string {
  return `${localTime.slice(0, 16).replace('T', ' ')} (UTC${offset === '+00:00' ? '' : offset})`;
}

/** The tracking page of a shipment: the container's address; a closed (possibly earlier) journey by its id. */
export function trackingHref(s: { id: string; containerNumber: string; closedAt: Date | null }): string {
  const base = `/tracking/${encodeURIComponent(s.containerNumber)}`;
  return s.closedAt ? `${base}?shipment=${s.id}` : base;
}
