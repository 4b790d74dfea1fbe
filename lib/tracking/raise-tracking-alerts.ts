// Raising alerts, in the caller's transaction: the alert rows, and for the kinds the seal-integrity risk
// rule lists, a risk finding with the specific reason and the RED lane on the declaration (moved under
// control where the state machine lets the system do so), each change with its audit row.
import { randomUUID } from 'node:crypto';

import { AUDIT_COLUMNS, auditRowsJson, auditRowsSelect, type AuditEvent } from '../audit';
import type { Actor } from '../auth/actor';
import type { Sql } from '../database/sql';
import { OPEN_FOR_INSPECTION, systemMayControl } from '../declarations/lifecycle';
import type { DeclarationStatus } from '../generated/prisma/enums';
import { ruleParams } from '../risk/rule-params';
import type { NewAlert } from './evaluate-seal-events';
import { declarationEventType } from '../notifications/declaration-event-type';
import { recordBusinessEvent } from '../notifications/record-business-event';

export const SEAL_INTEGRITY_RULE = 'seal-integrity';

const WRITE = `
WITH alerts AS (
  INSERT INTO tracking_alert (id, shipment_id, kind, reason, raised_at, seal_event_id)
  SELECT a.id, a.s, a.k::tracking_alert_kind, a.r, COALESCE(a.t, now()), a.e::bigint
    FROM json_to_recordset($1::json) AS a(id uuid, s uuid, k text, r text, t timestamptz, e text)),
findings AS (
  INSERT INTO risk_finding (id, declaration_id, rule_key, weight, reason)
  SELECT gen_random_uuid(), f.d, $2, f.w, f.r FROM json_to_recordset($3::json) AS f(d uuid, w int, r text)),
declarations AS (
  UPDATE declaration d SET lane = 'RED', risk_score = COALESCE(d.risk_score, 0) + x.w, status = x.s::declaration_status, updated_at = now()
    FROM json_to_recordset($4::json) AS x(id uuid, w int, s text) WHERE d.id = x.id),
history AS (
  INSERT INTO declaration_status_change (declaration_id, from_status, to_status, actor_id, reason)
  SELECT h.d, h.f::declaration_status, h.t::declaration_status, NULL, h.r FROM json_to_recordset($5::json) AS h(d uuid, f text, t text, r text)),
audit AS (INSERT INTO audit_event (${AUDIT_COLUMNS}) ${auditRowsSelect('$6')})
SELECT 1`;

export async function raiseTrackingAlerts(sql: Sql, args: { actor: Actor | null; alerts: NewAlert[]; requestId: string | null; raisedAt?: Date }): Promise<string[]> {
  const { actor, alerts } = args;
  if (!alerts.length) return [];
  const withIds = alerts.map((a) => ({ ...a, id: randomUUID() }));

  const [rule] = await sql<{ weight: number; reason: string; params: unknown; enabled: boolean }>(
    `SELECT weight, reason, params, enabled FROM risk_rule WHERE key = $1`,
    [SEAL_INTEGRITY_RULE],
  );
  const feeding = rule?.enabled ? new Set<string>(ruleParams('SEAL_INTEGRITY', rule.params).alertKinds) : new Set<string>();
  const byDeclaration = new Map<string, typeof withIds>();
  for (const a of withIds) if (feeding.has(a.kind)) byDeclaration.set(a.declarationId, [...(byDeclaration.get(a.declarationId) ?? []), a]);

  const findings: { d: string; w: number; r: string }[] = [];
  const updates: { id: string; w: number; s: DeclarationStatus }[] = [];
  const history: { d: string; f: DeclarationStatus; t: DeclarationStatus; r: string }[] = [];
  const requestId = args.requestId ?? actor?.request.id ?? null;
  const audits: AuditEvent[] = withIds.map((a) => ({
    actor,
    action: 'tracking.alert',
    targetType: 'shipment',
    targetId: a.shipmentId,
    requestId,
    details: { alertId: a.id, kind: a.kind, reason: a.reason, sealEventId: a.sealEventId, containerNumber: a.containerNumber },
  }));
  if (byDeclaration.size && rule) {
    const declarations = await sql<{ id: string; status: DeclarationStatus; lane: string | null }>(
      `SELECT id, status::text AS status, lane::text AS lane FROM declaration WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...byDeclaration.keys()]],
    );
    for (const d of declarations) {
      const raised = byDeclaration.get(d.id)!;
      for (const a of raised) findings.push({ d: d.id, w: rule.weight, r: `${a.reason} ${rule.reason}`.slice(0, 1000) });
      let status = d.status;
      if (OPEN_FOR_INSPECTION.includes(d.status)) {
        if (systemMayControl(d.status)) {
          status = 'UNDER_CONTROL';
          history.push({ d: d.id, f: d.status, t: status, r: `Seal integrity alert on container ${raised[0]!.containerNumber}: physical inspection.` });
        }
        updates.push({ id: d.id, w: rule.weight * raised.length, s: status });
      }
      audits.push({
        actor,
        action: 'declaration.seal_integrity',
        targetType: 'declaration',
        targetId: d.id,
        requestId,
        details: { alertIds: raised.map((a) => a.id), lane: { from: d.lane, to: updates.some((u) => u.id === d.id) ? 'RED' : d.lane }, status: { from: d.status, to: status } },
      });
    }
  }

  await sql(WRITE, [
    JSON.stringify(withIds.map((a) => ({ id: a.id, s: a.shipmentId, k: a.kind, r: a.reason, t: args.raisedAt ?? null, e: a.sealEventId }))),
    SEAL_INTEGRITY_RULE,
    JSON.stringify(findings),
    JSON.stringify(updates),
    JSON.stringify(history),
    auditRowsJson(audits),
  ]);
  await recordBusinessEvent(sql, [
    ...withIds.map((a) => ({
      type: 'seal_alert.raised' as const,
      declarationId: a.declarationId,
      containerNumber: a.containerNumber,
      payload: { alertId: a.id, shipmentId: a.shipmentId, declarationId: a.declarationId, containerNumber: a.containerNumber, kind: a.kind },
    })),
    ...history.map((h) => ({
      ...declarationEventType(h.f, h.t, 'RED'),
      declarationId: h.d,
      payload: { declarationId: h.d, status: h.t, previousStatus: h.f, lane: 'RED' },
    })),
  ]);
  return withIds.map((a) => a.id);
}
