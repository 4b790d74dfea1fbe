// The issuing agency confirms an external reference a filer cited (a certificate issued outside
// Clearway, e.g. by the exporting country): the requirement is then satisfied.
import type { Actor } from '../auth/actor';
import { assertCanDecideForAgency, isAgencyOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { permitError } from './permit-error';

export async function confirmExternalPermitReference(options: { actor: Actor; requirementId: string; requestId?: string }): Promise<{ declarationId: string }> {
  const { actor, requirementId } = options;
  if (!/^[0-9a-f-]{36}$/i.test(requirementId)) throw permitError('NOT_FOUND', 'requirementNotVisible', { id: requirementId });
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM declaration_permit_requirement WHERE id = ${requirementId}::uuid FOR UPDATE`;
    const q = await tx.declarationPermitRequirement.findUnique({ where: { id: requirementId }, include: { rule: true } });
    // Only the rule's agency sees that the requirement exists.
    if (!q || !isAgencyOfficer(actor) || actor.agencyId !== q.rule.agencyId) throw permitError('NOT_FOUND', 'requirementNotVisible', { id: requirementId });
    assertCanDecideForAgency(actor, q.rule.agencyId);
    if (!q.externalReference) throw permitError('CONFLICT', 'noExternalReference');
    if (q.externalConfirmedAt) throw permitError('CONFLICT', 'referenceAlreadyConfirmed', { reference: q.externalReference });
    await tx.declarationPermitRequirement.update({ where: { id: requirementId }, data: { externalConfirmedAt: new Date(), externalConfirmedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'declaration.confirm_external_permit', targetType: 'declaration', targetId: q.declarationId, requestId: options.requestId, details: { requirementId, externalReference: q.externalReference } });
    return { declarationId: q.declarationId };
  });
}
