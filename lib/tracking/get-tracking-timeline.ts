// A container's seal events in the order they happened (event time, then arrival), whatever order they
// arrived in, paged by keyset on (eventTime, id): one index range scan per page (seal_event's index on
// shipment_id, event_time, id), so a page costs the same at event 10 as at event 100,000. The total is
// the shipment's event counter, not a count over the rows; shipment and page come in one statement.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import type { ShipmentStatus, TrackingAlertKind } from '../generated/prisma/enums';
import { CURSOR_KEY, decodeCursor, encodeCursor, type Page } from '../pagination';
import { parseInput } from '../validation';
import { SHIPMENT_SELECT } from './load-shipments';
import { localTime, type SealEventRecord } from './seal-event-record';
import { assertTrackingReader, shipmentVisibilitySql } from '../auth/policy';

/** A stored seal event as the timeline shows it: the event's own fields, and what storing it added. */
export interface TimelineEvent extends Omit<SealEventRecord, 'containerNumber' | 'eventIndex' | 'containerPath' | 'idPath'> {
  /** seal_event.id (bigint as text). */
  id: string;
  /** The event time at the place of the event, e.g. "2026-03-01T18:00:00.000+08:00". */
  localTime: string;
  recordedAt: Date;
  /** The capture that stored it; the event as sent: getSealEventEvidence. */
  captureId: string | null;
  /** Alerts this event raised. */
  alerts: { id: string; kind: TrackingAlertKind; reason: string }[];
}

export type TimelinePage = Page<TimelineEvent> & { shipmentId: string; containerNumber: string; status: ShipmentStatus };

const timelineInput = z.object({
  containerNumber: z.string().trim().toUpperCase().max(11).optional(),
  shipmentId: z.string().uuid('shipmentId is a UUID.').optional(),
  first: z.number().int().min(1, 'first must be at least 1.').max(500, 'first is at most 500.').default(50),
  after: z.string().max(300).optional(),
  /** Newest first (the portal's live view); default oldest first. */
  newestFirst: z.boolean().default(false),
});
export type TimelineInput = z.input<typeof timelineInput>;

const COLUMNS = `e.id::text AS id, e.event_id AS "eventId", e.kind::text AS kind, e.event_time AS "eventTime", e.time_zone_offset AS "timeZoneOffset",
  e.recorded_at AS "recordedAt", e.biz_step AS "bizStep", e.disposition, trim(e.locode) AS locode, e.read_point AS "readPoint", e.latitude, e.longitude,
  COALESCE(e.seal_numbers, '{}') AS "sealNumbers", e.e_seal AS "eSeal", e.battery_percent AS "batteryPercent", e.source::text AS source,
  e.capture_id AS "captureId", COALESCE(al.alerts, '[]') AS alerts`;
const ALERTS = `LEFT JOIN LATERAL (SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'reason', a.reason)) AS alerts
                  FROM tracking_alert a WHERE a.seal_event_id = e.id) al ON true`;

export async function getTrackingTimeline(options: { actor: Actor } & TimelineInput): Promise<TimelinePage> {
  const { actor, ...rest } = options;
  assertTrackingReader(actor);
  const input = parseInput(timelineInput, rest, 'Invalid timeline request.');
  if ((input.containerNumber ? 1 : 0) + (input.shipmentId ? 1 : 0) !== 1) throw new AppError('BAD_USER_INPUT', 'Give exactly one of containerNumber or shipmentId.');

  // One round trip: the latest shipment of the container the actor may see (the same rule as
  // canReadShipment, in SQL), and its page of events.
  const visible = shipmentVisibilitySql(actor, 0);
  const params: unknown[] = [...visible.params];
  const key = input.shipmentId ? `s.id = $${params.push(input.shipmentId)}::uuid` : `s.container_number = $${params.push(input.containerNumber)}`;
  const kind = input.newestFirst ? 'timeline-desc' : 'timeline';
  const [op, dir] = input.newestFirst ? ['<', 'DESC'] : ['>', 'ASC'];
  let after = '';
  if (input.after) {
    const [at, id] = decodeCursor(input.after, kind, CURSOR_KEY.timeAndSerial).split('|');
    after = `AND (e.event_time, e.id) ${op} ($${params.push(at)}::timestamptz, $${params.push(id)}::bigint)`;
  }
  const limit = `$${params.push(input.first + 1)}`;
  const rows = await sqlOfClient(getPool())<Omit<TimelineEvent, 'localTime'> & { shipmentId: string; shipmentContainer: string; shipmentStatus: ShipmentStatus; shipmentEvents: number }>(
    `WITH sh AS (${SHIPMENT_SELECT} WHERE ${key} AND ${visible.where} ORDER BY s.created_at DESC LIMIT 1)
     SELECT sh.id AS "shipmentId", sh."containerNumber" AS "shipmentContainer", sh.status AS "shipmentStatus", sh."eventCount" AS "shipmentEvents", ev.*
       FROM sh LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM seal_event e ${ALERTS}
          WHERE e.shipment_id = sh.id ${after}
          ORDER BY e.event_time ${dir}, e.id ${dir} LIMIT ${limit}) ev ON true`,
    params,
  );
  const shipment = rows[0];
  if (!shipment) throw new AppError('NOT_FOUND', `No shipment ${input.shipmentId ?? `of container ${input.containerNumber}`} that you can see.`);
  const events = rows.filter((r) => r.id !== null);
  const nodes: TimelineEvent[] = events.slice(0, input.first).map(({ shipmentId: _s, shipmentContainer: _c, shipmentStatus: _t, shipmentEvents: _n, ...e }) => ({ ...e, localTime: localTime(e.eventTime, e.timeZoneOffset) }));
  const cursorOf = (e: TimelineEvent) => encodeCursor(kind, `${e.eventTime.toISOString()}|${e.id}`);
  return {
    shipmentId: shipment.shipmentId,
    containerNumber: shipment.shipmentContainer,
    status: shipment.shipmentStatus,
    edges: nodes.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: { hasNextPage: events.length > input.first, endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null },
    totalCount: shipment.shipmentEvents,
  };
}
