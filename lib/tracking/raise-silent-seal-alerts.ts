// A seal that stops reporting may have been shielded, jammed or cut off: every open shipment whose
// latest event (or, before any, its registration) is older than TRACKING_SILENT_HOURS gets a
// SILENT_SEAL alert, once per silence: not while one is unacknowledged, nor again for a silence an
// acknowledged alert already reported (one that began before that alert's threshold). Safe to run
// from several processes: rows being handled elsewhere are skipped.
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import type { ShipmentStatus } from '../generated/prisma/enums';
import type { NewAlert } from './evaluate-seal-events';
import { raiseTrackingAlerts } from './raise-tracking-alerts';
import { TRACKING_CHANNEL, trackingNotifications } from './tracking-events';

/** Shipments handled per transaction (a pass loops until none is left). */
const BATCH = 200;

export async function raiseSilentSealAlerts(options: { now?: Date } = {}): Promise<{ alerted: number }> {
  const now = options.now ?? new Date();
  const hours = getEnv().TRACKING_SILENT_HOURS;
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  let alerted = 0;
  for (;;) {
    const n = await sqlTransaction(async (sql) => {
      const silent = await sql<{ id: string; containerNumber: string; declarationId: string; status: string; since: Date; hasEvents: boolean }>(
        `SELECT s.id, trim(s.container_number) AS "containerNumber", s.declaration_id AS "declarationId", s.status::text AS status,
                COALESCE(s.last_event_at, s.created_at) AS since, s.last_event_at IS NOT NULL AS "hasEvents"
           FROM shipment s
          WHERE s.closed_at IS NULL
            AND (s.last_event_at < $1 OR (s.last_event_at IS NULL AND s.created_at < $1))
            AND NOT EXISTS (SELECT 1 FROM tracking_alert a WHERE a.shipment_id = s.id AND a.kind = 'SILENT_SEAL'
                               AND (a.acknowledged_at IS NULL OR a.raised_at - make_interval(hours => $3) >= COALESCE(s.last_event_at, s.created_at)))
          ORDER BY s.id LIMIT $2
            FOR UPDATE OF s SKIP LOCKED`,
        [cutoff, BATCH, hours],
      );
      if (!silent.length) return 0;
      const alerts: NewAlert[] = silent.map((s) => {
        const silentHours = Math.floor((now.getTime() - s.since.getTime()) / 3_600_000);
        return {
          shipmentId: s.id,
          declarationId: s.declarationId,
          containerNumber: s.containerNumber,
          kind: 'SILENT_SEAL',
          reason: s.hasEvents
            ? `Container ${s.containerNumber}: no seal event for ${silentHours} h (last on ${s.since.toISOString()}; silent after ${hours} h). The e-seal may be shielded, jammed or removed.`
            : `Container ${s.containerNumber}: no seal event at all in the ${silentHours} h since the shipment was registered on ${s.since.toISOString()} (silent after ${hours} h).`,
          sealEventId: null,
        };
      });
      await raiseTrackingAlerts(sql, { actor: null, alerts, requestId: null, raisedAt: now });
      const updates = silent.map((s) => ({ shipmentId: s.id, containerNumber: s.containerNumber, status: s.status as ShipmentStatus, newEvents: 0, newAlerts: 1 }));
      await sql(`SELECT pg_notify('${TRACKING_CHANNEL}', p) FROM unnest($1::text[]) AS p`, [trackingNotifications(updates)]);
      return silent.length;
    });
    alerted += n;
    if (n < BATCH) return { alerted };
  }
}
