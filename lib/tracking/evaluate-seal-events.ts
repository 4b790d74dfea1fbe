// The seal rules, as a pure function of a shipment's state and its newly stored events (in event-time
// order): the alerts to raise, the seals to record, and the shipment's new status and last position.
// Kept free of I/O so that every rule is tested in isolation and the hot path costs no round trip.
//
// Status follows the latest evidence by event time, so a late event does not roll it back; an alert
// always makes it TAMPER_SUSPECTED (suspicion is not cancelled by later, ordinary events), and only a
// resealing by customs makes it SEALED_INTACT again. One alert of a kind stays open per shipment until
// an officer acknowledges it: further evidence of the same kind is on the timeline, not a new alert.
import type { SealEventKind, SealSource, SealType, ShipmentStatus, TrackingAlertKind } from '../generated/prisma/enums';
import { distanceKm } from './distance-km';
import { normalizeSealNumber } from './identifiers';
import type { SealEventRecord } from './seal-event-record';
import { findUnLocode } from './find-un-locode';

export interface RouteStopState {
  role: 'ORIGIN' | 'WAYPOINT' | 'AUTHORIZED_OPENING' | 'DESTINATION';
  locode: string;
  name: string;
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface ShipmentState {
  id: string;
  containerNumber: string;
  declarationId: string;
  status: ShipmentStatus;
  statusAt: Date | null;
  lastEventAt: Date | null;
  lastPositionAt: Date | null;
  lastLatitude: number | null;
  lastLongitude: number | null;
  lastLocode: string | null;
  closedAt: Date | null;
  /** The seal numbers on the declaration's transport equipment for this container. */
  declaredSeals: string[];
  seals: { type: SealType; identifier: string }[];
  stops: RouteStopState[];
  /** Kinds of this shipment's alerts not yet acknowledged. */
  openAlertKinds: TrackingAlertKind[];
}

export interface StoredSealEvent extends SealEventRecord {
  /** seal_event.id (bigint, as text). */
  id: string;
}

export interface NewAlert {
  shipmentId: string;
  declarationId: string;
  containerNumber: string;
  kind: TrackingAlertKind;
  reason: string;
  sealEventId: string | null;
}

export interface NewSeal {
  type: SealType;
  identifier: string;
  manufacturer: string | null;
  serial: string | null;
  source: SealSource | null;
  appliedAt: Date;
}

export interface Evaluation {
  state: ShipmentState;
  alerts: NewAlert[];
  newSeals: NewSeal[];
}

export interface Reporter {
  /** A customs officer reported it: openings anywhere and resealings are customs' own. */
  isCustoms: boolean;
  /** Who reported, as officers read it in a reason. */
  description: string;
}

const OPENING_KINDS: SealEventKind[] = ['OPENED', 'REMOVED'];

export function evaluateSealEvents(shipment: ShipmentState, events: StoredSealEvent[], reporter: Reporter): Evaluation {
  const state: ShipmentState = { ...shipment, openAlertKinds: [...shipment.openAlertKinds] };
  const alerts: NewAlert[] = [];
  const newSeals: NewSeal[] = [];
  const mechanical = new Set([...shipment.declaredSeals.map(normalizeSealNumber), ...shipment.seals.filter((s) => s.type === 'MECHANICAL').map((s) => s.identifier)]);
  const electronic = new Set(shipment.seals.filter((s) => s.type === 'ELECTRONIC').map((s) => s.identifier));
  const declared = shipment.declaredSeals.length ? shipment.declaredSeals.join(', ') : 'none';
  const sorted = [...events].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || Number(a.id) - Number(b.id));

  for (const e of sorted) {
    const t = e.eventTime;
    let suspicious = false;
    const raise = (kind: TrackingAlertKind, reason: string) => {
      suspicious = true;
      if (state.openAlertKinds.includes(kind)) return;
      state.openAlertKinds.push(kind);
      alerts.push({ shipmentId: state.id, declarationId: state.declarationId, containerNumber: state.containerNumber, kind, reason: reason.slice(0, 900), sealEventId: e.id });
    };
    // Only alerts need the sentence: build it on demand (the hot path evaluates thousands of events).
    const when = () => `${where(e)} on ${t.toISOString()}`;

    if (e.kind === 'RESEALED') {
      const numbers = e.sealNumbers.join(', ');
      if (!reporter.isCustoms) {
        raise('RESEALED_WITHOUT_CUSTOMS', `Container ${state.containerNumber} was resealed with seal ${numbers} ${when()}, reported by ${reporter.description}: not by customs.`);
      }
      for (const n of e.sealNumbers) {
        if (mechanical.has(n)) continue;
        mechanical.add(n);
        newSeals.push({ type: 'MECHANICAL', identifier: n, manufacturer: null, serial: null, source: reporter.isCustoms ? 'CUSTOMS' : e.source, appliedAt: t });
      }
    } else {
      const foreign = e.sealNumbers.filter((n) => !mechanical.has(n));
      if (foreign.length && mechanical.size) {
        raise('SEAL_MISMATCH', `Container ${state.containerNumber} reported seal ${foreign.join(', ')} ${when()}; the declaration gives ${declared}${mechanical.size > shipment.declaredSeals.length ? ' (and customs-recorded reseals)' : ''}.`);
      }
    }
    if (e.eSeal && !electronic.has(e.eSeal)) {
      if (electronic.size) raise('SEAL_MISMATCH', `Container ${state.containerNumber} reported electronic seal ${e.eSeal} ${when()}; its registered e-seal is ${[...electronic].join(', ')}.`);
      else {
        // The first e-seal seen on a shipment registered without one becomes its e-seal.
        electronic.add(e.eSeal);
        const [manufacturer, serial] = e.eSeal.split(':');
        newSeals.push({ type: 'ELECTRONIC', identifier: e.eSeal, manufacturer: manufacturer ?? null, serial: serial ?? null, source: e.source, appliedAt: t });
      }
    }
    if (e.kind === 'TAMPER') raise('TAMPER', `Container ${state.containerNumber}: the seal reported tampering ${when()}.`);

    let opening: Opening | null = null;
    if (OPENING_KINDS.includes(e.kind)) {
      opening = checkOpening(e, state.stops, reporter.isCustoms);
      if (!opening.authorized) {
        raise('OPENED_OUTSIDE_AREA', `Container ${state.containerNumber}: seal ${e.kind === 'REMOVED' ? 'removed' : 'opened'} ${when()}, ${opening.explanation}`);
      }
    }

    const latest = state.statusAt === null || t >= state.statusAt;
    if (suspicious) {
      state.status = 'TAMPER_SUSPECTED';
      if (latest) state.statusAt = t;
    } else if (latest) {
      if (opening?.authorized && state.status !== 'TAMPER_SUSPECTED') [state.status, state.statusAt] = ['OPENED_AUTHORIZED', t];
      else if (e.kind === 'RESEALED' && reporter.isCustoms) [state.status, state.statusAt] = ['SEALED_INTACT', t];
      else if (e.kind === 'SEALED' && state.status !== 'TAMPER_SUSPECTED') [state.status, state.statusAt] = ['SEALED_INTACT', t];
    }
    // The journey ends when the seal is removed, without suspicion, at the destination.
    if (e.kind === 'REMOVED' && opening?.authorized && opening.atDestination && !suspicious && !state.closedAt) state.closedAt = t;

    const position = positionOf(e, state.stops);
    if (position && (state.lastPositionAt === null || t >= state.lastPositionAt)) {
      state.lastLatitude = position.latitude;
      state.lastLongitude = position.longitude;
      state.lastPositionAt = t;
      state.lastLocode = e.locode;
    }
    if (state.lastEventAt === null || t > state.lastEventAt) state.lastEventAt = t;
  }
  return { state, alerts, newSeals };
}

interface Opening {
  authorized: boolean;
  atDestination: boolean;
  /** Why it is not authorized (a clause completing the alert's sentence). */
  explanation: string;
}

const places = (stops: RouteStopState[]) => stops.filter((s) => s.role === 'AUTHORIZED_OPENING' || s.role === 'DESTINATION');
const km = (d: number) => (d < 10 ? d.toFixed(1) : Math.round(d).toLocaleString('en'));
const radius = (r: number) => String(+r.toFixed(1));

/**
 * Inside the radius of an authorized opening place or of the destination: authorized. A GPS position
 * outweighs a UN/LOCODE claim; with neither, the place cannot be verified and the opening is not
 * authorized. Openings reported by a customs officer are customs' own, wherever they happen.
 */
function checkOpening(e: SealEventRecord, stops: RouteStopState[], byCustoms: boolean): Opening {
  const allowed = places(stops);
  const list = allowed.map((p) => `${p.locode} ${p.name} (${radius(p.radiusKm)} km)`).join(', ') || 'none';
  const position = e.latitude !== null && e.longitude !== null ? { latitude: e.latitude, longitude: e.longitude } : e.locode ? findUnLocode(e.locode) : undefined;
  const byLocode = e.locode ? allowed.filter((p) => p.locode === e.locode) : [];
  const inside = position ? allowed.filter((p) => distanceKm(position, p) <= p.radiusKm) : byLocode;
  const atDestination = inside.some((p) => p.role === 'DESTINATION') || (!position && byLocode.some((p) => p.role === 'DESTINATION'));
  if (byCustoms) return { authorized: true, atDestination, explanation: '' };
  if (inside.length || (e.latitude === null && byLocode.length)) return { authorized: true, atDestination, explanation: '' };
  if (!position) {
    return {
      authorized: false,
      atDestination: false,
      explanation: e.locode
        ? `which is not an authorized opening place of the route (authorized: ${list}) and has no known coordinates.`
        : `but the event gives neither a position nor a UN/LOCODE, so the place cannot be verified (authorized: ${list}).`,
    };
  }
  const nearest = allowed.map((p) => ({ p, d: distanceKm(position, p) })).sort((a, b) => a.d - b.d)[0];
  return {
    authorized: false,
    atDestination: false,
    explanation: nearest
      ? `${km(nearest.d)} km from the nearest authorized place, ${nearest.p.locode} ${nearest.p.name} (radius ${radius(nearest.p.radiusKm)} km).`
      : 'and the route names no authorized opening place.',
  };
}

function where(e: SealEventRecord): string {
  if (e.latitude !== null && e.longitude !== null) return `at ${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}${e.locode ? ` (${e.locode})` : ''}`;
  return e.locode ? `at ${e.locode}` : 'at an unreported place';
}

/** The event's position: its own reading, else the coordinates of its UN/LOCODE (route or table). */
function positionOf(e: SealEventRecord, stops: RouteStopState[]): { latitude: number; longitude: number } | null {
  if (e.latitude !== null && e.longitude !== null) return { latitude: e.latitude, longitude: e.longitude };
  if (!e.locode) return null;
  return stops.find((s) => s.locode === e.locode) ?? findUnLocode(e.locode) ?? null;
}
