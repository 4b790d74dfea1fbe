// The issuing agency revokes a permit (with a reason). Declarations citing it are held at release; what
// was already drawn stays drawn. The revocation is anchored like the approval.
import type { Actor } from '../auth/actor';
import { assertCanDecideForAgency, canReadPermitApplication } from '../auth/policy';
import { recordAudit } from '../audit';
import { requireText } from '../declarations/lock-declaration';
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import type { Permit } from '../generated/prisma/client';
import { anchorItem } from '../ledger/anchor-item';
import { permitDecisionRecord } from './permit-decision-record';
import { permitError } from './permit-error';

export async function revokePermit(options: { actor: Actor; id: string; reason: string; requestId?: string }): Promise<Permit> {
  const { actor, id } = options;
  const reason = requireText(options.reason, 'reason', 'the reason for the revocation', 1000);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw permitError('NOT_FOUND', 'permitNotVisible', { id });
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM permit WHERE id = ${id}::uuid FOR UPDATE`;
    const p = await tx.permit.findUnique({ where: { id }, include: { application: true, agency: true, holder: true } });
    if (!p || !canReadPermitApplication(actor, p.application)) throw permitError('NOT_FOUND', 'permitNotVisible', { id });
    assertCanDecideForAgency(actor, p.agencyId);
    if (p.status === 'REVOKED') throw permitError('CONFLICT', 'alreadyRevoked', { number: p.number });
    const now = new Date();
    const record = permitDecisionRecord({
      action: 'REVOKED',
      permitNumber: p.number,
      applicationNumber: p.application.number,
      agencyCode: p.agency.code,
      holderEori: p.holder.eori,
      documentCode: p.documentCode,
      commodityCodes: p.commodityCodes,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      quantity: p.totalQuantity?.toString() ?? null,
      quantityUnit: p.quantityUnit,
      ruleKey: null,
      ruleVersion: p.application.ruleVersion,
      decidedAt: now,
      reason,
    });
    const updated = await tx.permit.update({ where: { id }, data: { status: 'REVOKED', revokedAt: now, revokedReason: reason } });
    await anchorItem(sqlOfPrisma(tx), { kind: 'decision', sha256: record.sha256, ref: `permit/${p.number}/revoked` });
    await recordAudit(tx, { actor, action: 'permit.revoke', targetType: 'permit', targetId: id, requestId: options.requestId, details: { number: p.number, reason } });
    return updated;
  });
}
