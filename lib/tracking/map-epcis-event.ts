// One EPCIS 2.0 ObjectEvent (JSON-LD binding, already schema-valid) → a seal event in Clearway's shape,
// or the field errors that stop its document, each with the event's path. The mapping table (bizStep,
// disposition, action and sensor readings → kind) is in lib/tracking/README.md; keep the two in step.
import type { FieldError, FieldErrorCode } from '../errors';
import { SealSource, type SealEventKind } from '../generated/prisma/enums';
import { CLEARWAY_NS, epcis } from './epcis-sdk';
import { containerProblem, parseLocation, parseObjectIdentifier } from './identifiers';
import { BATTERY_LOW_PERCENT, futureProblem, latitudeProblem, longitudeProblem, pastProblem, type SealEventRecord } from './seal-event-record';

export interface EpcisMapContext {
  now: Date;
  skewSeconds: number;
  /** Events older than this many days are refused (TRACKING_MAX_EVENT_AGE_DAYS). */
  maxAgeDays: number;
  /** Namespace prefixes of the document's @context, for the event hash. */
  context: Record<string, string>;
}

type Json = Record<string, unknown>;

const REMOVING = new Set(['removing', 'decommissioning', 'unpacking']);
const RESEALING = new Set(['replacing', 'repairing']);
const SEALING = new Set(['commissioning', 'packing', 'staging_outbound']);
const SEAL_STATES = new Set(['CLOSED', 'OPEN', 'TAMPERED']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const CBV_WEB_URI = { BizStep: /^https?:\/\/ref\.gs1\.org\/cbv\/BizStep-/i, Disp: /^https?:\/\/ref\.gs1\.org\/cbv\/Disp-/i, Comp: /^https?:\/\/ref\.gs1\.org\/cbv\/Comp-/i };

/** CBV 2.0 short name of a bizStep, disposition or sensor component given as a short name or a GS1 Web URI. */
function cbvName(value: unknown, vocabulary: 'BizStep' | 'Disp' | 'Comp'): string | null {
  if (typeof value !== 'string' || !value) return null;
  return value.replace(CBV_WEB_URI[vocabulary], '').slice(0, 100);
}

/** The local name of a Clearway term given as "cw:Term" or with the full namespace. */
function clearwayTerm(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('cw:')) return value.slice(3);
  if (value.startsWith(CLEARWAY_NS)) return value.slice(CLEARWAY_NS.length);
  return null;
}

export function mapEpcisEvent(raw: Json, index: number, ctx: EpcisMapContext): { record: SealEventRecord | null; errors: FieldError[] } {
  const at = ['epcisBody', 'eventList', String(index)];
  const errors: FieldError[] = [];
  const fail = (path: (string | number)[], code: FieldErrorCode, message: string) => errors.push({ path: [...at, ...path.map(String)], code, message });

  if (raw.type !== 'ObjectEvent') {
    fail(['type'], 'INVALID', `Clearway captures seal events as ObjectEvents naming the container; this is a ${String(raw.type)}.`);
    return { record: null, errors };
  }

  // What: the container, its mechanical and electronic seals. Other identifiers (goods) are ignored.
  const containers = new Map<string, string[]>();
  const sealNumbers = new Set<string>();
  const eSeals = new Set<string>();
  let badContainer = false;
  const consider = (uri: unknown, path: (string | number)[]) => {
    if (typeof uri !== 'string') return;
    const id = parseObjectIdentifier(uri);
    if (id.kind === 'container') {
      const problem = containerProblem(id.containerNumber);
      if (problem) {
        badContainer = true;
        fail(path, 'INVALID', problem);
      }
      else if (!containers.has(id.containerNumber)) containers.set(id.containerNumber, [...at, ...path.map(String)]);
    } else if (id.kind === 'seal') {
      if (!id.sealNumber || id.sealNumber.length > 35) fail(path, 'INVALID', 'A seal number is 1 to 35 characters.');
      else sealNumbers.add(id.sealNumber);
    } else if (id.kind === 'eseal') eSeals.add(id.id);
  };
  list(raw.epcList).forEach((uri, j) => consider(uri, ['epcList', j]));
  list(raw.quantityList).forEach((q, j) => isObject(q) && consider(q.epcClass, ['quantityList', j, 'epcClass']));

  // Sensor readings: position (CBV components latitude/longitude), seal state, battery.
  let latitude: number | null = null;
  let longitude: number | null = null;
  let sealState: string | null = null;
  let alarm = false;
  let batteryPercent: number | null = null;
  let badPosition = false;
  list(raw.sensorElementList).forEach((element, k) => {
    if (!isObject(element)) return;
    const meta = element.sensorMetadata;
    if (isObject(meta)) consider(meta.deviceID, ['sensorElementList', k, 'sensorMetadata', 'deviceID']);
    list(element.sensorReport).forEach((report, m) => {
      if (!isObject(report)) return;
      const path = ['sensorElementList', k, 'sensorReport', m];
      const value = report.value;
      const component = cbvName(report.component, 'Comp');
      if (component === 'latitude' || component === 'longitude') {
        const problem = typeof value !== 'number' ? `A ${component} reading needs a numeric value in decimal degrees.` : component === 'latitude' ? latitudeProblem(value) : longitudeProblem(value);
        if (problem) {
          fail([...path, 'value'], 'INVALID', problem);
          badPosition = true;
        }
        else if (component === 'latitude') latitude = value as number;
        else longitude = value as number;
      }
      const term = clearwayTerm(report.type);
      if (term === 'SealState') {
        const state = typeof report.stringValue === 'string' ? report.stringValue.toUpperCase() : '';
        if (!SEAL_STATES.has(state)) fail([...path, 'stringValue'], 'INVALID', 'A cw:SealState reading has stringValue CLOSED, OPEN or TAMPERED.');
        else sealState = state;
        if (report.exception === 'ALARM_CONDITION') alarm = true;
      } else if (term === 'BatteryLevel') {
        if (typeof value !== 'number' || !(value >= 0 && value <= 100)) fail([...path, 'value'], 'INVALID', `A cw:BatteryLevel reading is a percentage, 0 to 100 (got ${String(value)}).`);
        else batteryPercent = value;
      }
    });
  });
  if (!badPosition && (latitude === null) !== (longitude === null)) fail(['sensorElementList'], 'REQUIRED', 'A position needs both a latitude and a longitude reading.');

  if (containers.size === 0 && !badContainer) {
    fail(['epcList'], 'REQUIRED', 'The event names no container: put it in epcList as urn:epc:id:bic:CSQU3054383 (or urn:iso:std:iso:6346:CSQU3054383).');
  } else if (containers.size > 1) {
    fail(['epcList'], 'INVALID', `The event names ${containers.size} containers (${[...containers.keys()].join(', ')}): send one event per container, as each e-seal reports its own.`);
  }
  if (eSeals.size > 1) fail(['epcList'], 'INVALID', `The event names ${eSeals.size} electronic seals (${[...eSeals].join(', ')}): one event per seal.`);

  // When: the instant, with the local offset; a time without an offset is local time at that offset.
  const offset = typeof raw.eventTimeZoneOffset === 'string' ? raw.eventTimeZoneOffset : '+00:00';
  const timeText = typeof raw.eventTime === 'string' ? raw.eventTime : '';
  const zoned = /(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/.test(timeText);
  const eventTime = new Date(zoned ? timeText : `${timeText}${offset}`);
  if (Number.isNaN(eventTime.getTime())) fail(['eventTime'], 'INVALID', 'eventTime is not a date-time.');
  else {
    const problem = futureProblem(eventTime, ctx.now, ctx.skewSeconds);
    if (problem) fail(['eventTime'], 'INVALID', problem);
    const old = pastProblem(eventTime, ctx.now, ctx.maxAgeDays);
    if (old) fail(['eventTime'], 'INVALID', old);
  }

  // Where: a UN/LOCODE from the readPoint, else from the bizLocation; a place in a form Clearway
  // cannot read is refused rather than silently dropped (the opening rules depend on the place).
  const placeOf = (field: 'readPoint' | 'bizLocation') => {
    const value = raw[field];
    const id = isObject(value) && typeof value.id === 'string' ? value.id : null;
    if (id === null) return { id, locode: null };
    const place = parseLocation(id);
    if (place.problem) fail([field, 'id'], 'UNKNOWN', place.problem);
    return { id, locode: place.locode };
  };
  const readPoint = placeOf('readPoint');
  const bizLocation = placeOf('bizLocation');
  const [readPointId, bizLocationId] = [readPoint.id, bizLocation.id];
  const locode = readPoint.locode ?? bizLocation.locode;

  const sourceText = raw['cw:sealSource'] ?? raw[`${CLEARWAY_NS}sealSource`];
  let source: SealSource | null = null;
  if (sourceText !== undefined) {
    const upper = String(sourceText).toUpperCase();
    if (upper in SealSource) source = upper as SealSource;
    else fail(['cw:sealSource'], 'INVALID', `cw:sealSource is one of ${Object.keys(SealSource).join(', ')}.`);
  }

  const bizStep = cbvName(raw.bizStep, 'BizStep');
  const disposition = cbvName(raw.disposition, 'Disp');
  const kind = kindOf({ action: raw.action, bizStep, disposition, sealState, alarm, batteryPercent });
  if (kind === 'RESEALED' && sealNumbers.size === 0) {
    fail(['epcList'], 'REQUIRED', 'A resealing (bizStep replacing or repairing) names the new seal in epcList, e.g. urn:iso:std:iso:17712:NL7654321.');
  }

  let eventId: string | null = null;
  if (raw.eventID !== undefined) {
    if (typeof raw.eventID !== 'string' || raw.eventID.length > 255) fail(['eventID'], 'INVALID', 'eventID is a URI of at most 255 characters, e.g. urn:uuid:….');
    else eventId = raw.eventID;
  }
  if (errors.length) return { record: null, errors };
  // Without an eventID, the CBV 2.0 event hash identifies the event: a resent copy hashes the same.
  // On a copy: epcis2.js rewrites the event it hashes (short names to Web URIs), and the caller's
  // event is the evidence kept as received.
  eventId ??= epcis.eventToHashedId(structuredClone(raw), ctx.context, false);

  const [containerNumber, containerPath] = [...containers.entries()][0]!;
  return {
    errors,
    record: {
      eventId,
      kind,
      containerNumber,
      eventTime,
      timeZoneOffset: offset,
      bizStep,
      disposition,
      locode,
      readPoint: (readPointId ?? bizLocationId)?.slice(0, 255) ?? null,
      latitude,
      longitude,
      sealNumbers: [...sealNumbers],
      eSeal: [...eSeals][0] ?? null,
      batteryPercent,
      source,
      eventIndex: index,
      containerPath,
      idPath: [...at, 'eventID'],
    },
  };
}

function kindOf(e: { action: unknown; bizStep: string | null; disposition: string | null; sealState: string | null; alarm: boolean; batteryPercent: number | null }): SealEventKind {
  if (e.sealState === 'TAMPERED' || e.alarm || e.disposition === 'damaged' || e.disposition === 'stolen') return 'TAMPER';
  if (e.action === 'DELETE' || (e.bizStep && REMOVING.has(e.bizStep))) return 'REMOVED';
  if (e.bizStep && RESEALING.has(e.bizStep)) return 'RESEALED';
  if (e.disposition === 'container_open' || e.sealState === 'OPEN') return 'OPENED';
  if (e.action === 'ADD' || (e.bizStep && SEALING.has(e.bizStep))) return 'SEALED';
  if (e.bizStep === 'inspecting' || e.disposition === 'container_closed' || e.sealState === 'CLOSED') return 'VERIFIED';
  if (e.batteryPercent !== null && e.batteryPercent < BATTERY_LOW_PERCENT) return 'BATTERY_LOW';
  return 'POSITION';
}
