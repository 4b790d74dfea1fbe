// The external references an agency officer's agency has still to confirm: filers cited a certificate
// issued outside Clearway on declarations that are not decided yet. Only the rule's agency sees them
// (as confirmExternalPermitReference answers anyone else "not found").
import type { Actor } from '../auth/actor';
import { isAgencyOfficer } from '../auth/policy';
import { getDb } from '../db';

export interface ExternalReferenceToConfirm {
  requirementId: string;
  externalReference: string;
  itemSequence: number;
  ruleKey: string;
  documentCode: string;
  declarationReference: string;
  updatedAt: Date;
}

export async function listExternalReferencesToConfirm(options: { actor: Actor; first?: number }): Promise<ExternalReferenceToConfirm[]> {
  const { actor } = options;
  if (!isAgencyOfficer(actor)) return [];
  const rows = await getDb().declarationPermitRequirement.findMany({
    where: { externalReference: { not: null }, externalConfirmedAt: null, rule: { agencyId: actor.agencyId }, declaration: { status: { notIn: ['RELEASED', 'REJECTED', 'CANCELLED'] } } },
    include: { rule: { select: { key: true, documentCode: true } }, declaration: { select: { lrn: true, mrn: true } } },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: Math.min(Math.max(options.first ?? 50, 1), 200),
  });
  return rows.map((r) => ({
    requirementId: r.id,
    externalReference: r.externalReference!,
    itemSequence: r.itemSequence,
    ruleKey: r.rule.key,
    documentCode: r.rule.documentCode,
    declarationReference: r.declaration.mrn ?? r.declaration.lrn,
    updatedAt: r.updatedAt,
  }));
}
