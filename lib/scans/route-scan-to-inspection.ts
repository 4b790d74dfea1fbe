// A SUSPECT verdict sends the declaration to physical inspection the way a seal-integrity alert does
// (lib/tracking/raise-tracking-alerts.ts): a risk finding with the reason, the RED lane, and the
// declaration moved UNDER_CONTROL where the lifecycle lets the system do so — with its status history,
// audit row and business event, in the verdict's transaction.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import type { Sql } from '../database/sql';
import { OPEN_FOR_INSPECTION, systemMayControl } from '../declarations/lifecycle';
import type { DeclarationStatus } from '../generated/prisma/enums';
import { declarationEventType } from '../notifications/declaration-event-type';
import { recordBusinessEvent } from '../notifications/record-business-event';

/** risk_finding.rule_key of the finding a SUSPECT scan adds. */
export const XRAY_SUSPECT_RULE = 'xray-suspect';
/** Enough on its own for the RED lane (the seal-integrity rule's default weight). */
const WEIGHT = 100;

export async function routeScanToInspection(sql: Sql, args: { actor: Actor; declarationId: string; scanId: string; reason: string; requestId?: string }): Promise<{ status: DeclarationStatus } | null> {
  const [d] = await sql<{ status: DeclarationStatus; lane: string | null }>(`SELECT status::text AS status, lane::text AS lane FROM declaration WHERE id = $1::uuid FOR UPDATE`, [args.declarationId]);
  if (!d) return null;
  await sql(`INSERT INTO risk_finding (id, declaration_id, rule_key, weight, reason) VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4)`, [args.declarationId, XRAY_SUSPECT_RULE, WEIGHT, args.reason.slice(0, 1000)]);
  if (!OPEN_FOR_INSPECTION.includes(d.status)) return { status: d.status };
  const status: DeclarationStatus = systemMayControl(d.status) ? 'UNDER_CONTROL' : d.status;
  await sql(`UPDATE declaration SET lane = 'RED', risk_score = COALESCE(risk_score, 0) + $2, status = $3::declaration_status, updated_at = now() WHERE id = $1::uuid`, [args.declarationId, WEIGHT, status]);
  if (status !== d.status) {
    await sql(`INSERT INTO declaration_status_change (declaration_id, from_status, to_status, actor_id, reason) VALUES ($1::uuid, $2::declaration_status, $3::declaration_status, NULL, $4)`, [
      args.declarationId,
      d.status,
      status,
      args.reason.slice(0, 500),
    ]);
    await recordBusinessEvent(sql, { ...declarationEventType(d.status, status, 'RED'), declarationId: args.declarationId, payload: { declarationId: args.declarationId, status, previousStatus: d.status, lane: 'RED' } });
  }
  await recordAudit(sql, {
    actor: args.actor,
    action: 'declaration.xray_suspect',
    targetType: 'declaration',
    targetId: args.declarationId,
    requestId: args.requestId,
    details: { scanId: args.scanId, lane: { from: d.lane, to: 'RED' }, status: { from: d.status, to: status } },
  });
  return { status };
}
