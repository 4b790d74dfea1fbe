// The terminal page's figures for the gates an actor may see, over a recent window: decisions per gate,
// the reasons of its holds (by code), the median wait (first read at the gate to OPEN) and the latest
// decisions. Three statements on the (gate_id, decided_at) index; the page polls it.
import type { Actor } from '../auth/actor';
import { gateVisibilitySql } from '../auth/policy';
import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { GATE_COLUMNS, GATE_EVENT_COLUMNS, toGateEventView, type GateEventView, type GateView } from './gate-event-view';

export interface GateTraffic {
  gate: GateView;
  openCount: number;
  holdCount: number;
  /** Median seconds from the first read at the gate to OPEN; null without an OPEN in the window. */
  medianWaitSeconds: number | null;
  holdReasons: { code: string; count: number }[];
}

export async function getGateTraffic(options: { actor: Actor; since?: Date; recent?: number }): Promise<{ since: Date; asOf: Date; gates: GateTraffic[]; recent: GateEventView[] }> {
  const since = options.since ?? new Date(Date.now() - 24 * 3600_000);
  const visible = gateVisibilitySql(options.actor, 0);
  const n = visible.params.length;
  const params = [...visible.params, since];
  const sql = sqlOfClient(getPool());
  const [gates, reasons, recent] = await Promise.all([
    sql<GateView & { openCount: number; holdCount: number; medianWaitSeconds: number | null }>(
      `SELECT ${GATE_COLUMNS},
              count(e.id) FILTER (WHERE e.decision = 'OPEN')::int AS "openCount",
              count(e.id) FILTER (WHERE e.decision = 'HOLD')::int AS "holdCount",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.decided_at - e.arrived_at)) FILTER (WHERE e.decision = 'OPEN') AS "medianWaitSeconds"
         FROM gate g LEFT JOIN gate_event e ON e.gate_id = g.id AND e.decided_at >= $${n + 1}::timestamptz
        WHERE ${visible.where} AND g.retired_at IS NULL
        GROUP BY g.id ORDER BY g.code`,
      params,
    ),
    sql<{ gateId: string; code: string; count: number }>(
      `SELECT g.id AS "gateId", r->>'code' AS code, count(*)::int AS count
         FROM gate_event e JOIN gate g ON g.id = e.gate_id, jsonb_array_elements(e.reasons) r
        WHERE ${visible.where} AND e.decided_at >= $${n + 1}::timestamptz AND e.decision = 'HOLD' AND (r->>'passed')::boolean = false
        GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      params,
    ),
    sql<Parameters<typeof toGateEventView>[0]>(
      `SELECT ${GATE_EVENT_COLUMNS} FROM gate_event e JOIN gate g ON g.id = e.gate_id
        WHERE ${visible.where} AND e.decided_at >= $${n + 1}::timestamptz ORDER BY e.decided_at DESC, e.id DESC LIMIT $${n + 2}`,
      [...params, Math.min(Math.max(options.recent ?? 20, 1), 100)],
    ),
  ]);
  return {
    since,
    asOf: new Date(),
    gates: gates.map(({ openCount, holdCount, medianWaitSeconds, ...gate }) => ({
      gate,
      openCount,
      holdCount,
      medianWaitSeconds,
      holdReasons: reasons.filter((r) => r.gateId === gate.id).map((r) => ({ code: r.code, count: r.count })),
    })),
    recent: recent.map(toGateEventView),
  };
}
