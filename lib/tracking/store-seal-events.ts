// The one code path that stores seal events, whatever their entry point (EPCIS capture,
// recordSealEvents), in the caller's transaction: route each event to its container's shipment, insert
// them all in one statement (a resent event id is a duplicate, not an error), apply the seal rules to
// the new ones, raise alerts, update the shipments, record the capture and its audit row, and publish
// the update (delivered on commit).
//
// Who may report for a shipment: customs, the declarant company, and the reporters the declarant
// authorised (shipment_reporter: a company, or one signed device of it). For anyone else the container
// is "not tracked": the same error, word for word, as for a container nobody tracks, so that events
// cannot move another company's shipment and the answer cannot tell whose containers are tracked.
// Event ids belong to their reporter (seal_event.reporter): the same id from another reporter is
// another event; from the same reporter with other content it is a conflict, never a silent duplicate.
//
// The hot path of tracking (bench/tracking.ts): two statements per document however many events it
// holds (plus one when an event id was seen before, two when it raises alerts). A caller with writes of
// its own in the same transaction can add them to the second (`alongside`: a gate decision's row).
import { AUDIT_COLUMNS, auditPlaceholders, auditValues } from '../audit';
import type { Actor } from '../auth/actor';
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import { AppError } from '../errors';
import type { ShipmentStatus } from '../generated/prisma/enums';
import { canReadShipment, isOfficer, type DeclarationParties } from '../auth/policy';
import { evaluateSealEvents, type NewAlert, type NewSeal, type Reporter, type ShipmentState, type StoredSealEvent } from './evaluate-seal-events';
import { raiseTrackingAlerts } from './raise-tracking-alerts';
import type { SealEventRecord } from './seal-event-record';
import { throwEventErrors } from './throw-event-errors';
import { TRACKING_CHANNEL, trackingNotifications, type TrackingUpdate } from './tracking-events';

export interface CaptureOutcome {
  captureId: string;
  /** Events in the input. */
  eventCount: number;
  /** Stored now. */
  storedCount: number;
  /** Already stored before (same event id or hash), or repeated within the input. */
  duplicateCount: number;
  alertCount: number;
  /** Id and status only for callers who may read the shipment (a gateway reports; it does not read). */
  shipments: { shipmentId: string | null; containerNumber: string; status: ShipmentStatus | null; storedCount: number }[];
}

// One round trip before the rules run: the capture row (the events reference it); the containers' latest
// shipments that the caller may report for, locked so that concurrent captures for one container apply
// the rules one after the other (in id order: no deadlock between documents naming several containers);
// and the events, each on its container's shipment (a resent event id is a duplicate: not inserted, not
// returned). An event whose container is not among the locked shipments is not inserted; a record
// refused below throws, and every caller's transaction then rolls back what this statement wrote.
// $10: the caller is customs (or trusted: see trustedReporter); $11 the reporter; $12 the events.
const LOCK_AND_INSERT = `
WITH capture AS (
  INSERT INTO epcis_capture (id, status, event_count, actor_id, company_id, token_id, device_id, request_id, document)
  VALUES ($2::uuid, 'PROCESSING', $3, $4::uuid, $5::uuid, $6::uuid, $7::uuid, $8, $9::json)
  ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document),
locked AS MATERIALIZED (
  SELECT s.id, trim(s.container_number) AS "containerNumber", s.declaration_id AS "declarationId", s.status::text AS status,
         s.status_at AS "statusAt", s.last_event_at AS "lastEventAt", s.last_position_at AS "lastPositionAt",
         s.last_latitude AS "lastLatitude", s.last_longitude AS "lastLongitude", trim(s.last_locode) AS "lastLocode", s.closed_at AS "closedAt",
         COALESCE(te.seals, '{}') AS "declaredSeals",
         (SELECT COALESCE(json_agg(json_build_object('type', x.type, 'identifier', x.identifier)), '[]') FROM shipment_seal x WHERE x.shipment_id = s.id) AS seals,
         (SELECT COALESCE(json_agg(json_build_object('role', r.role, 'locode', r.locode, 'name', r.name, 'latitude', r.latitude, 'longitude', r.longitude, 'radiusKm', r.radius_km) ORDER BY r.sequence), '[]')
            FROM route_stop r WHERE r.shipment_id = s.id) AS stops,
         ARRAY(SELECT DISTINCT a.kind::text FROM tracking_alert a WHERE a.shipment_id = s.id AND a.acknowledged_at IS NULL) AS "openAlertKinds",
         json_build_object('type', d.type, 'declarantId', d.declarant_id, 'importerId', d.importer_id, 'exporterId', d.exporter_id,
                           'representativeId', d.representative_id) AS parties
    FROM shipment s
    JOIN declaration d ON d.id = s.declaration_id
    LEFT JOIN transport_equipment te ON te.declaration_id = s.declaration_id AND te.container_number = s.container_number
   WHERE s.id IN (SELECT DISTINCT ON (container_number) id FROM shipment WHERE container_number = ANY($1::bpchar[]) ORDER BY container_number, created_at DESC)
     AND ($10::boolean OR d.declarant_id = $5::uuid
          OR EXISTS (SELECT 1 FROM shipment_reporter r WHERE r.shipment_id = s.id AND r.company_id = $5::uuid AND (r.device_id IS NULL OR r.device_id = $7::uuid)))
   ORDER BY s.id
     FOR UPDATE OF s),
inserted AS (
  INSERT INTO seal_event (event_id, reporter, shipment_id, kind, event_time, time_zone_offset, biz_step, disposition, locode, read_point, latitude, longitude,
                          seal_numbers, e_seal, battery_percent, source, reported_by_id, company_id, token_id, capture_id, event_index)
  SELECT e.i, $11, l.id, e.k::seal_event_kind, e.t, e.z, e.b, e.d, e.l, e.r, e.la, e.lo, e.n, e.e, e.bp, e.so::seal_source, $4::uuid, $5::uuid, $6::uuid, $2::uuid, e.x
    FROM json_to_recordset($12::json) AS e(i text, c text, k text, t timestamptz, z text, b text, d text, l text, r text, la float8, lo float8,
                                          n text[], e text, bp float8, so text, x int)
    JOIN locked l ON l."containerNumber" = e.c
      ON CONFLICT (reporter, event_id) DO NOTHING
  RETURNING id::text AS id, event_id AS "eventId", shipment_id)
SELECT l.*, COALESCE((SELECT json_agg(json_build_object('id', i.id, 'eventId', i."eventId")) FROM inserted i WHERE i.shipment_id = l.id), '[]') AS inserted
  FROM locked l
 ORDER BY l.id`;

// The stored content of events whose id the reporter used before (only read when there are such ids).
const EARLIER = `
SELECT e.event_id AS "eventId", trim(s.container_number) AS "containerNumber", e.kind::text AS kind, e.event_time AS "eventTime",
       e.time_zone_offset AS "timeZoneOffset", e.biz_step AS "bizStep", e.disposition, trim(e.locode) AS locode, e.read_point AS "readPoint",
       e.latitude, e.longitude, COALESCE(e.seal_numbers, '{}') AS "sealNumbers", e.e_seal AS "eSeal", e.battery_percent AS "batteryPercent",
       e.source::text AS source
  FROM seal_event e JOIN shipment s ON s.id = e.shipment_id
 WHERE e.reporter = $1 AND e.event_id = ANY($2::text[])`;

/** The fields that make an event's content as Clearway reads it: the same id must carry the same. */
const CONTENT = ['containerNumber', 'kind', 'eventTime', 'timeZoneOffset', 'bizStep', 'disposition', 'locode', 'readPoint', 'latitude', 'longitude', 'sealNumbers', 'eSeal', 'batteryPercent', 'source'] as const;
type Content = Pick<SealEventRecord, (typeof CONTENT)[number]>;

function differences(a: Content, b: Content): string[] {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : Array.isArray(v) ? v.join('\u0000') : (v ?? null));
  return CONTENT.filter((k) => norm(a[k]) !== norm(b[k]));
}

/** Whose event ids these are: the company for its tokens and devices, customs for officers. */
function reporterOf(actor: Actor): string {
  if (actor.companyId) return `company:${actor.companyId}`;
  return isOfficer(actor) ? 'customs' : `user:${actor.userId}`;
}

function conflict(record: SealEventRecord, fields: string[], earlier: 'earlier' | 'input'): FieldError {
  const where = earlier === 'earlier' ? 'was already received from you' : 'is used twice in this input';
  return {
    path: record.idPath,
    code: 'CONFLICT',
    message: `Event id ${record.eventId} ${where} with different content (${fields.join(', ')}): an id names one event. Send a different event under a new id.`,
  };
}

function throwConflicts(errors: FieldError[]): void {
  if (!errors.length) return;
  const first = errors[0]!;
  const eventId = /^Event id (.*?) (?:was already|is used twice)/.exec(first.message)?.[1] ?? null;
  throw new AppError('CONFLICT', `${first.message} Nothing was stored${errors.length > 1 ? ` (${errors.length} event ids conflict)` : ''}.`, {
    eventId,
    fieldErrors: errors.slice(0, 100),
    errorCount: errors.length,
  });
}

/**
 * Writes of the caller's that belong to the same transaction, run in the store's last statement (one
 * round trip fewer; lib/gates/decide-gate.ts: the decision and its audit row). `with` gives its CTEs,
 * named apart from the store's (shipments, seals, capture, audit, notified), with their parameters
 * numbered from `first`; `select` reads them, and its first row comes back as the outcome's
 * `alongside` (null when it gave none).
 */
export interface AlongsideStatement {
  with: (first: number) => string;
  select: string;
  params: unknown[];
}

const FINISH_PARAMS = 17;

// The events' effects on their shipments, new seals, the capture's outcome and its audit row, and the
// published update; the caller's statement, if any, after them.
function finishStatement(alongside: AlongsideStatement | undefined): string {
  return `
WITH shipments AS (
  UPDATE shipment s SET status = u.status::shipment_status, status_at = u.status_at, last_event_at = u.last_event_at,
         last_latitude = u.lat, last_longitude = u.lon, last_position_at = u.pos_at, last_locode = u.locode,
         event_count = s.event_count + u.added, closed_at = u.closed_at
    FROM json_to_recordset($1::json) AS u(id uuid, status text, status_at timestamptz, last_event_at timestamptz, lat float8, lon float8,
                                          pos_at timestamptz, locode text, added int, closed_at timestamptz)
   WHERE s.id = u.id),
seals AS (
  INSERT INTO shipment_seal (id, shipment_id, type, identifier, manufacturer, serial, source, applied_at)
  SELECT gen_random_uuid(), x.s, x.t::seal_type, x.i, x.m, x.n, x.so::seal_source, x.a
    FROM json_to_recordset($2::json) AS x(s uuid, t text, i text, m text, n text, so text, a timestamptz)
      ON CONFLICT (shipment_id, identifier) DO NOTHING),
capture AS (
  UPDATE epcis_capture SET status = 'SUCCEEDED', event_count = $4, stored_count = $5, duplicate_count = $6, alert_count = $7,
         errors = '[]', message = NULL, finished_at = now()
   WHERE id = $3::uuid),
audit AS (INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES (${auditPlaceholders(8)})),
notified AS (SELECT pg_notify('${TRACKING_CHANNEL}', p) FROM unnest($17::text[]) AS p)${alongside ? `,
${alongside.with(FINISH_PARAMS + 1)}` : ''}
SELECT (SELECT count(*) FROM notified)::int AS notified${alongside ? `, a.*
  FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT true AS "alongsideFound", x.* FROM (${alongside.select}) x LIMIT 1) a ON true` : ''}`;
}

export async function storeSealEvents(
  sql: Sql,
  args: {
    actor: Actor;
    records: SealEventRecord[];
    /** The input as received (JSON text), kept with the capture as the events' evidence. */
    document: string;
    eventCount: number;
    captureId: string;
    requestId: string | null;
    deviceId?: string | null;
    /**
     * The caller established the right to report for these containers itself (a gate decision, which
     * Clearway makes for customs: lib/gates/decide-gate.ts): no reporter check. The event ids stay the
     * actor's reporter's.
     */
    trustedReporter?: boolean;
    alongside?: AlongsideStatement;
  },
): Promise<CaptureOutcome & { alongside?: Record<string, unknown> | null }> {
  const { actor, records, captureId } = args;
  const requestId = args.requestId ?? actor.request.id;
  const containers = [...new Set(records.map((r) => r.containerNumber))];
  const reporter = reporterOf(actor);
  // The same id twice within one input must be one event.
  const seen = new Map<string, SealEventRecord>();
  const inputConflicts: FieldError[] = [];
  for (const r of records) {
    const first = seen.get(r.eventId);
    if (!first) seen.set(r.eventId, r);
    else {
      const fields = differences(first, r);
      if (fields.length) inputConflicts.push(conflict(r, fields, 'input'));
    }
  }
  throwConflicts(inputConflicts);

  const locked = await sql<ShipmentState & { parties: DeclarationParties; inserted: { id: string; eventId: string }[] }>(LOCK_AND_INSERT, [
    containers,
    captureId,
    args.eventCount,
    actor.userId,
    actor.companyId,
    actor.token?.id ?? null,
    args.deviceId ?? null,
    requestId,
    args.document,
    isOfficer(actor) || args.trustedReporter === true,
    reporter,
    JSON.stringify(
      records.map((r) => ({
        i: r.eventId,
        c: r.containerNumber,
        k: r.kind,
        t: r.eventTime.toISOString(),
        z: r.timeZoneOffset,
        b: r.bizStep,
        d: r.disposition,
        l: r.locode,
        r: r.readPoint,
        la: r.latitude,
        lo: r.longitude,
        n: r.sealNumbers,
        e: r.eSeal,
        bp: r.batteryPercent,
        so: r.source,
        x: r.eventIndex,
      })),
    ),
  ]);
  const rows = locked;
  const inserted = locked.flatMap((row) => row.inserted);
  const shipments = new Map(rows.map((r) => [r.containerNumber, r]));

  const errors: FieldError[] = [];
  for (const r of records) {
    const s = shipments.get(r.containerNumber);
    if (!s) {
      // Not tracked, or tracked for someone who did not authorise this caller: one answer for both.
      errors.push({
        path: r.containerPath,
        code: 'UNKNOWN',
        message: `Unknown container ${r.containerNumber}: no shipment of it that you may report for (none is registered, or its declarant has not named you as a reporter).`,
      });
    }
    else if (s.closedAt && r.eventTime > s.closedAt) {
      errors.push({
        path: r.containerPath,
        code: 'CONFLICT',
        message: `The shipment of container ${r.containerNumber} ended on ${s.closedAt.toISOString()} (seal removed at its destination): register the new journey as a shipment first.`,
      });
    }
  }
  throwEventErrors(errors);

  // Ids not stored now were used before by this reporter: a duplicate if the content is the same.
  const insertedIds = new Set(inserted.map((row) => row.eventId));
  const again = [...seen.keys()].filter((id) => !insertedIds.has(id));
  if (again.length) {
    const earlier = await sql<Content & { eventId: string }>(EARLIER, [reporter, again]);
    throwConflicts(
      earlier.flatMap((e) => {
        const fields = differences(e, seen.get(e.eventId)!);
        return fields.length ? [conflict(seen.get(e.eventId)!, fields, 'earlier')] : [];
      }),
    );
  }

  // Each stored id belongs to the first record carrying it (a repeat within the input is a duplicate).
  const idOf = new Map(inserted.map((row) => [row.eventId, row.id]));
  const stored = new Map<string, StoredSealEvent[]>();
  for (const r of records) {
    const id = idOf.get(r.eventId);
    if (id === undefined) continue;
    idOf.delete(r.eventId);
    const shipmentId = shipments.get(r.containerNumber)!.id;
    const list = stored.get(shipmentId);
    if (list) list.push({ ...r, id });
    else stored.set(shipmentId, [{ ...r, id }]);
  }

  const reportedBy: Reporter = {
    isCustoms: isOfficer(actor) && actor.token === null,
    description: actor.token ? `API token "${actor.token.name}" of ${actor.email}'s company` : `${actor.name} (${actor.email})`,
  };
  const alerts: NewAlert[] = [];
  const newSeals: (NewSeal & { shipmentId: string })[] = [];
  const updates: Record<string, unknown>[] = [];
  const outcomes: CaptureOutcome['shipments'] = [];
  const published: TrackingUpdate[] = [];
  for (const s of rows) {
    const events = stored.get(s.id) ?? [];
    const result = evaluateSealEvents(s, events, reportedBy);
    alerts.push(...result.alerts);
    newSeals.push(...result.newSeals.map((seal) => ({ ...seal, shipmentId: s.id })));
    const n = result.state;
    const visible = canReadShipment(actor, s.parties);
    outcomes.push({ shipmentId: visible ? s.id : null, containerNumber: s.containerNumber, status: visible ? n.status : null, storedCount: events.length });
    if (!events.length) continue;
    updates.push({
      id: s.id,
      status: n.status,
      status_at: n.statusAt?.toISOString() ?? null,
      last_event_at: n.lastEventAt?.toISOString() ?? null,
      lat: n.lastLatitude,
      lon: n.lastLongitude,
      pos_at: n.lastPositionAt?.toISOString() ?? null,
      locode: n.lastLocode,
      added: events.length,
      closed_at: n.closedAt?.toISOString() ?? null,
    });
    published.push({ shipmentId: s.id, containerNumber: s.containerNumber, status: n.status, newEvents: events.length, newAlerts: result.alerts.length });
  }

  const storedCount = outcomes.reduce((acc, o) => acc + o.storedCount, 0);
  const outcome: CaptureOutcome = {
    captureId,
    eventCount: args.eventCount,
    storedCount,
    duplicateCount: records.length - storedCount,
    alertCount: alerts.length,
    shipments: outcomes,
  };
  if (alerts.length) await raiseTrackingAlerts(sql, { actor, alerts, requestId });
  const [finished] = await sql<{ notified: number; alongsideFound?: boolean | null }>(finishStatement(args.alongside), [
    JSON.stringify(updates),
    JSON.stringify(newSeals.map((x) => ({ s: x.shipmentId, t: x.type, i: x.identifier, m: x.manufacturer, n: x.serial, so: x.source, a: x.appliedAt.toISOString() }))),
    captureId,
    outcome.eventCount,
    outcome.storedCount,
    outcome.duplicateCount,
    outcome.alertCount,
    ...auditValues({
      actor,
      action: 'tracking.capture',
      targetType: 'epcis_capture',
      targetId: captureId,
      requestId,
      details: {
        events: outcome.eventCount,
        stored: outcome.storedCount,
        duplicates: outcome.duplicateCount,
        alerts: outcome.alertCount,
        shipments: rows.slice(0, 50).map((r) => r.id),
        deviceId: args.deviceId ?? null,
      },
    }),
    trackingNotifications(published),
    ...(args.alongside?.params ?? []),
  ]);
  if (!args.alongside) return outcome;
  const { notified: _notified, alongsideFound, ...alongside } = finished!;
  return { ...outcome, alongside: alongsideFound ? alongside : null };
}
