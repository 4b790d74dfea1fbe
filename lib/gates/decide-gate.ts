// A terminal gate asks whether a container may pass: OPEN when every check of gate-checks.ts passes,
// else HOLD, with every check's reason. In one transaction: the decision (gate_event), an EPCIS 2.0
// ObjectEvent on the shipment's timeline through tracking's own store (bizStep arriving/departing at
// the gate's UN/LOCODE, disposition conformant/non_conformant, the decision in cw: extensions), the
// audit row, and for a HOLD the business event that tells the officer on duty and the declaration's
// parties (inbox, e-mail, webhooks).
//
// Retries are safe: a request id (the reader's, else the server's request id) names one decision per
// gate; asking again with it answers the decision already given (replayed: true), even when the checks
// would now answer otherwise, and two racing retries store one (the unique key decides; the loser's
// transaction writes nothing).
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { AUDIT_COLUMNS, auditPlaceholders, auditValues } from '../audit';
import type { Actor } from '../auth/actor';
import { assertScope, canOperateGate } from '../auth/policy';
import { preparedSqlOfClient, sqlTransaction, type Sql } from '../database/sql';
import { getPool } from '../db';
import { AppError } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { containerProblem, normalizeSealNumber } from '../tracking/identifiers';
import type { SealEventRecord } from '../tracking/seal-event-record';
import { storeSealEvents } from '../tracking/store-seal-events';
import { parseInput } from '../validation';
import type { GateReason } from './gate-check';
import { GATE_CHECKS } from './gate-checks';
import { GATE_EVENT_COLUMNS, toGateEventView, type GateEventView } from './gate-event-view';
import { loadGateSubject } from './load-gate-subject';

const decideGateInput = z.object({
  containerNumber: z
    .string({ message: 'Give the container number (ISO 6346), e.g. CSQU3054383.' })
    .trim()
    .toUpperCase()
    .refine((v) => v.length > 0, 'Give the container number (ISO 6346), e.g. CSQU3054383.')
    .superRefine((v, ctx) => {
      const problem = v ? containerProblem(v) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  gate: z.string({ message: 'Give the gate code, e.g. NLRTM-MV1-IN.' }).trim().min(1, 'Give the gate code, e.g. NLRTM-MV1-IN.').max(35, 'A gate code has at most 35 characters.'),
  requestId: z.string().trim().min(1, 'A request id is 1 to 100 characters.').max(100, 'A request id is 1 to 100 characters.').nullish(),
  sealNumbers: z.array(z.string().trim().min(1, 'A seal number is not empty.').max(70, 'A seal number has at most 70 characters.')).max(20, 'At most 20 seals per read.').nullish(),
});
export type DecideGateInput = z.input<typeof decideGateInput>;

const EPCIS_CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { cw: 'https://clearway.example/ns/epcis/' }];

const EXISTING = `SELECT ${GATE_EVENT_COLUMNS} FROM gate_event e JOIN gate g ON g.id = e.gate_id WHERE e.gate_id = $1::uuid AND e.request_key = $2`;

// The decision's row (arrived_at: the first read of the container at this gate since its last OPEN there,
// or now) and its audit row, only when the decision is stored and the reader's API token is still
// valid: tokens are cached per process for a few seconds (lib/auth/token-actor-cache.ts), and this
// check in the same round trip means no decision is recorded for a token revoked meanwhile.
// Parameters from $first: the row's 13, then the audit row's. Run in tracking's last statement when
// the decision makes an EPCIS event (storeSealEvents' `alongside`), else on its own (INSERT): either
// way one round trip for both rows.
function decisionCtes(first: number): string {
  const $ = (n: number) => `$${first + n - 1}`;
  return `decision_token AS (
  SELECT EXISTS (SELECT 1 FROM api_token t WHERE t.id = ${$(12)}::uuid AND (t.revoked_at IS NOT NULL OR t.expires_at <= now())) AS revoked),
decision AS (
  INSERT INTO gate_event (id, gate_id, request_key, container_number, shipment_id, declaration_id, decision, reasons, epcis_event_id, actor_id, company_id, token_id, arrived_at, decided_at)
  SELECT ${$(1)}::uuid, ${$(2)}::uuid, ${$(3)}, ${$(4)}, ${$(5)}::uuid, ${$(6)}::uuid, ${$(7)}, ${$(8)}::jsonb, ${$(9)}, ${$(10)}::uuid, ${$(11)}::uuid, ${$(12)}::uuid,
         COALESCE((SELECT min(p.decided_at) FROM gate_event p
                    WHERE p.container_number = ${$(4)} AND p.gate_id = ${$(2)}::uuid
                      AND p.decided_at > COALESCE((SELECT max(o.decided_at) FROM gate_event o
                                                    WHERE o.container_number = ${$(4)} AND o.gate_id = ${$(2)}::uuid AND o.decision = 'OPEN'), '-infinity')), ${$(13)}), ${$(13)}
    FROM decision_token WHERE NOT decision_token.revoked
  ON CONFLICT (gate_id, request_key) DO NOTHING
  RETURNING *),
decision_audit AS (
  INSERT INTO audit_event (${AUDIT_COLUMNS}) SELECT ${auditPlaceholders(first + 13)} WHERE EXISTS (SELECT 1 FROM decision))`;
}
/** One row: whether the token was revoked, and the decision as readers see it (id null when not stored: revoked, or a racing retry decided it). */
const DECISION_VIEW = `SELECT v.*, c.revoked AS "tokenRevoked"
  FROM decision_token c LEFT JOIN (SELECT ${GATE_EVENT_COLUMNS} FROM decision e JOIN gate g ON g.id = e.gate_id) v ON true`;
const INSERT = `WITH ${decisionCtes(1)}\n${DECISION_VIEW}`;

/** A racing retry of the same request committed its decision first: this transaction must write nothing. */
class DecidedByRetry extends Error {
  constructor(readonly gateId: string) {
    super('decided by a racing retry');
  }
}

type ViewRow = Omit<Parameters<typeof toGateEventView>[0], 'id'> & { id: string | null; tokenRevoked: boolean };

export async function decideGate(options: { actor: Actor; input: DecideGateInput; requestId?: string | null }): Promise<GateEventView> {
  const { actor } = options;
  // A reader's token without the scope is told which one it lacks (403), before anything is read.
  if (actor.token) assertScope(actor, 'gate:decide');
  const input = parseInput(decideGateInput, options.input);
  const requestKey = input.requestId ?? options.requestId ?? actor.request.id ?? randomUUID();
  const sealsRead = [...new Set((input.sealNumbers ?? []).map(normalizeSealNumber))];

  // Prepared statements with generic plans: a decision's statements are a fixed set, and planning them
  // cost more than running them (bench/gates.ts, BENCH_PG_STATEMENTS=1).
  try {
    return await sqlTransaction(async (sql) => decide(sql), { prepared: true, genericPlans: true });
  } catch (error) {
    if (!(error instanceof DecidedByRetry)) throw error;
    const winner = await replayed(preparedSqlOfClient(getPool()), error.gateId, requestKey, input.containerNumber);
    if (winner) return winner;
    throw new AppError('CONFLICT', 'The same request is being decided in parallel; retry it.');
  }

  async function decide(sql: Sql): Promise<GateEventView> {
    // The gate, whether this request was decided before, and the container's subject: one read.
    const { gate, subject } = await loadGateSubject(sql, { gate: input.gate, requestKey, containerNumber: input.containerNumber, sealsRead });
    // A gate the caller may not use is answered like one that does not exist.
    if (!gate || !canOperateGate(actor, gate)) {
      throw new AppError('NOT_FOUND', `Unknown gate "${input.gate}".`, { fieldErrors: [{ path: ['gate'], code: 'UNKNOWN', message: `No gate "${input.gate}" that you may use.` }] });
    }
    // The stored decision is read in full only for a retry: retries are rare.
    const replay = gate.seen ? await replayed(sql, gate.id, requestKey, input.containerNumber) : null;
    if (replay) return replay;
    if (gate.retiredAt) {
      throw new AppError('CONFLICT', `Gate ${gate.code} was retired on ${gate.retiredAt.toISOString()}: it gives no more decisions.`, { fieldErrors: [{ path: ['gate'], code: 'CONFLICT', message: `Gate ${gate.code} is retired.` }] });
    }
    if (!subject) {
      throw new AppError('NOT_FOUND', `Unknown container ${input.containerNumber}: customs track no shipment of it, so the gate cannot decide. Call the customs office.`, {
        fieldErrors: [{ path: ['containerNumber'], code: 'UNKNOWN', message: `No shipment of container ${input.containerNumber} is known.` }],
      });
    }

    const reasons: GateReason[] = [];
    for (const check of GATE_CHECKS) reasons.push(await check(sql, subject));
    const decision = reasons.every((r) => r.passed) ? 'OPEN' : 'HOLD';
    const id = randomUUID();
    const now = new Date();
    // A journey that ended (seal removed at its destination) takes no more events: the decision stands alone.
    const epcisEventId = subject.closedAt ? null : `urn:uuid:${id}`;

    const held = reasons.filter((r) => !r.passed).map((r) => r.code);
    const decisionParams = [
      id, gate.id, requestKey, subject.containerNumber, subject.shipmentId, subject.declarationId, decision, JSON.stringify(reasons), epcisEventId,
      actor.userId, actor.companyId, actor.token?.id ?? null, now,
      ...auditValues({
        actor,
        action: 'gate.decide',
        targetType: 'gate_event',
        targetId: id,
        requestId: options.requestId ?? actor.request.id,
        details: { gate: gate.code, containerNumber: subject.containerNumber, decision, codes: decision === 'OPEN' ? reasons.map((r) => r.code) : held },
      }),
    ];

    let row: ViewRow | null | undefined;
    if (epcisEventId) {
      const event = {
        type: 'ObjectEvent',
        eventID: epcisEventId,
        eventTime: now.toISOString(),
        eventTimeZoneOffset: '+00:00',
        epcList: [`urn:epc:id:bic:${subject.containerNumber}`],
        action: 'OBSERVE',
        bizStep: gate.direction === 'IN' ? 'arriving' : 'departing',
        disposition: decision === 'OPEN' ? 'conformant' : 'non_conformant',
        readPoint: { id: `urn:unece:locode:${gate.locode}` },
        'cw:gate': gate.code,
        'cw:gateDecision': decision,
        'cw:gateReasons': reasons.map((r) => r.code),
        ...(sealsRead.length ? { 'cw:sealsRead': sealsRead } : {}),
      };
      const record: SealEventRecord = {
        eventId: epcisEventId,
        kind: 'POSITION',
        containerNumber: subject.containerNumber,
        eventTime: now,
        timeZoneOffset: '+00:00',
        bizStep: event.bizStep,
        disposition: event.disposition,
        locode: gate.locode,
        readPoint: event.readPoint.id,
        latitude: null,
        longitude: null,
        // The seals read are evidence in the document; the gate's own check judges them (SEAL_MISMATCH).
        sealNumbers: [],
        eSeal: null,
        batteryPercent: null,
        source: null,
        eventIndex: 0,
        containerPath: ['containerNumber'],
        idPath: ['requestId'],
      };
      const document = JSON.stringify({ '@context': EPCIS_CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: now.toISOString(), epcisBody: { eventList: [event] } });
      // The decision's rows go in tracking's last statement: one round trip fewer.
      const stored = await storeSealEvents(sql, {
        actor,
        records: [record],
        document,
        eventCount: 1,
        captureId: randomUUID(),
        requestId: options.requestId ?? actor.request.id,
        trustedReporter: true,
        alongside: { with: decisionCtes, select: DECISION_VIEW, params: decisionParams },
      });
      row = stored.alongside as ViewRow | null;
    } else {
      [row] = await sql<ViewRow>(INSERT, decisionParams);
    }
    const { tokenRevoked, id: storedId, ...view } = row!;
    // Revoked since this request was admitted: the event stored above is rolled back with the rest.
    if (tokenRevoked) {
      const { message, messageKey, params } = cataloguedMessage('gate.tokenRevoked');
      throw new AppError('UNAUTHENTICATED', message, { messageKey, params });
    }
    // A retry of the same request committed first: roll back the event stored above; its decision is the answer.
    if (storedId === null) throw new DecidedByRetry(gate.id);

    if (decision === 'HOLD') {
      await recordBusinessEvent(sql, {
        type: 'gate.held',
        declarationId: subject.declarationId,
        mrn: subject.mrn,
        containerNumber: subject.containerNumber,
        payload: { gateEventId: id, gate: gate.code, containerNumber: subject.containerNumber, declarationId: subject.declarationId, reasons: held },
      });
    }
    return toGateEventView({ ...view, id: storedId });
  }
}

/** The decision already given for this request, or null; the same request id for another container is a conflict. */
async function replayed(sql: Sql, gateId: string, requestKey: string, containerNumber: string): Promise<GateEventView | null> {
  const [row] = await sql<Parameters<typeof toGateEventView>[0]>(EXISTING, [gateId, requestKey]);
  if (!row) return null;
  if (row.containerNumber !== containerNumber) {
    throw new AppError('CONFLICT', `Request id ${requestKey} was already used at this gate for container ${row.containerNumber}: use a new request id for each read.`, {
      fieldErrors: [{ path: ['requestId'], code: 'CONFLICT', message: `Already used for container ${row.containerNumber}.` }],
    });
  }
  return { ...toGateEventView(row), replayed: true };
}
