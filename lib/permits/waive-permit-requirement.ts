// A customs officer's override of one requirement (e.g. a waiver granted by the agency by phone in an
// emergency): a reason is required, and the waiver is a canonical record anchored in the ledger like a
// customs decision, so it can be checked later by anyone who holds it.
import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { lockDeclaration, requireText } from '../declarations/lock-declaration';
import { canonicalJson, sha256Hex } from '../declarations/snapshot';
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import { anchorItem } from '../ledger/anchor-item';
import { permitError } from './permit-error';

const FINAL = new Set(['RELEASED', 'REJECTED', 'CANCELLED', 'DRAFT']);

export async function waivePermitRequirement(options: { actor: Actor; requirementId: string; reason: string; requestId?: string }): Promise<{ declarationId: string; waiverSha256: string }> {
  const { actor, requirementId } = options;
  assertOfficer(actor, 'waive permit requirements');
  const reason = requireText(options.reason, 'reason', 'the reason for the waiver', 1000);
  if (!/^[0-9a-f-]{36}$/i.test(requirementId)) throw permitError('NOT_FOUND', 'requirementNotFound', { id: requirementId });
  return getDb().$transaction(async (tx) => {
    const q = await tx.declarationPermitRequirement.findUnique({ where: { id: requirementId }, include: { rule: true } });
    if (!q) throw permitError('NOT_FOUND', 'requirementNotFound', { id: requirementId });
    const d = await lockDeclaration(tx, q.declarationId, actor);
    if (FINAL.has(d.status)) throw permitError('CONFLICT', 'cannotWaive', { status: d.status }, { status: d.status });
    if (q.waivedAt) throw permitError('CONFLICT', 'alreadyWaived');
    const waivedAt = new Date();
    const json = canonicalJson({ format: 'clearway-permit-waiver/1', declarationId: d.id, mrn: d.mrn, itemSequence: q.itemSequence, ruleKey: q.rule.key, ruleVersion: q.ruleVersion, reason, waivedAt: waivedAt.toISOString(), officerId: actor.userId });
    const waiverSha256 = sha256Hex(json);
    await tx.declarationPermitRequirement.update({ where: { id: requirementId }, data: { waivedAt, waivedById: actor.userId, waivedReason: reason } });
    await anchorItem(sqlOfPrisma(tx), { kind: 'decision', sha256: waiverSha256, ref: `${d.id}/permit-waiver/${q.itemSequence}/${q.rule.key}` });
    await recordAudit(tx, { actor, action: 'declaration.waive_permit', targetType: 'declaration', targetId: d.id, requestId: options.requestId, details: { requirementId, reason, waiverSha256 } });
    return { declarationId: d.id, waiverSha256 };
  });
}
