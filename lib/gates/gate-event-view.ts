// A gate decision as every reader of it sees it (decideGate's answer, gateEvents, the terminal page),
// and the one SELECT list that builds it from gate_event + gate (aliases e, g).
import type { GateReason } from './gate-check';

export interface GateView {
  id: string;
  code: string;
  name: string;
  locode: string;
  direction: 'IN' | 'OUT';
  operatorCompanyId: string | null;
  retiredAt: Date | null;
}

export interface GateEventView {
  id: string;
  gate: GateView;
  containerNumber: string;
  decision: 'OPEN' | 'HOLD';
  reasons: GateReason[];
  requestId: string;
  epcisEventId: string | null;
  arrivedAt: Date;
  decidedAt: Date;
  /** Seconds from the first read at this gate to this OPEN; null for a HOLD. */
  waitSeconds: number | null;
  /** True when this answers a retried request: the decision given the first time. */
  replayed: boolean;
}

export const GATE_COLUMNS = `g.id, g.code, g.name, g.locode, g.direction, g.operator_company_id AS "operatorCompanyId", g.retired_at AS "retiredAt"`;

export const GATE_EVENT_COLUMNS = `e.id, json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'locode', g.locode, 'direction', g.direction,
         'operatorCompanyId', g.operator_company_id, 'retiredAt', g.retired_at) AS gate,
       trim(e.container_number) AS "containerNumber", e.decision, e.reasons, e.request_key AS "requestId", e.epcis_event_id AS "epcisEventId",
       e.arrived_at AS "arrivedAt", e.decided_at AS "decidedAt",
       CASE WHEN e.decision = 'OPEN' THEN extract(epoch FROM e.decided_at - e.arrived_at)::float8 END AS "waitSeconds", false AS replayed`;

type Row = Omit<GateEventView, 'gate'> & { gate: Omit<GateView, 'retiredAt'> & { retiredAt: string | null } };

/** json_build_object gives the gate's timestamp as text. */
export function toGateEventView(row: Row): GateEventView {
  return { ...row, gate: { ...row.gate, retiredAt: row.gate.retiredAt ? new Date(row.gate.retiredAt) : null } };
}
