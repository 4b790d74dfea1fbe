// The filer says what satisfies one requirement of one item: a permit (by number), an external reference
// the issuing agency then confirms, or — for a MAY_BE_REQUIRED requirement — a disclaim code and reason
// the agency sees. Nothing given clears the citation. Allowed until the declaration is decided; a
// citation made after submission has its quantity drawn at release.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { canFileDeclaration, canReadDeclaration, clientOf, PERMIT_READ_SCOPES, assertScope } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import { notVisible } from '../declarations/not-visible';
import { fieldsNeedCorrecting, parseInput } from '../validation';
import { loadPermitRequirements, type PermitRequirementView } from './load-permit-requirements';
import { DISCLAIM_CODES } from './permit-codes';
import { permitError } from './permit-error';
import { returnPermitReservations } from './return-permit-reservations';

export const citePermitInput = z.object({
  declarationId: z.string().trim(),
  itemSequence: z.number().int().min(1).max(999),
  ruleKey: z.string().trim().min(1).max(64),
  permitNumber: z.string().trim().max(40).nullish(),
  externalReference: z.string().trim().max(70).nullish(),
  disclaimCode: z.string().trim().toUpperCase().nullish(),
  disclaimReason: z.string().trim().max(500).nullish(),
});

const FINAL = new Set(['RELEASED', 'REJECTED', 'CANCELLED']);
const bad = (path: string, code: 'REQUIRED' | 'INVALID' | 'UNKNOWN' | 'NOT_ALLOWED' | 'MISMATCH', message: string) => fieldsNeedCorrecting([{ path: [path], code, message }]);

export async function citePermit(options: { actor: Actor; input: z.input<typeof citePermitInput>; requestId?: string }): Promise<PermitRequirementView> {
  const { actor } = options;
  assertScope(actor, 'permits:write');
  const v = parseInput(citePermitInput, options.input);
  const given = [v.permitNumber, v.externalReference, v.disclaimCode].filter(Boolean).length;
  if (given > 1) throw bad('permitNumber', 'INVALID', 'Cite one thing: a permit number, an external reference, or a disclaim code.');
  if (!/^[0-9a-f-]{36}$/i.test(v.declarationId)) throw notVisible(v.declarationId);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM declaration WHERE id = ${v.declarationId}::uuid FOR UPDATE`;
    const d = await tx.declaration.findUnique({ where: { id: v.declarationId } });
    if (!d || !canReadDeclaration(actor, d, PERMIT_READ_SCOPES)) throw notVisible(v.declarationId);
    if (!canFileDeclaration(actor, d, 'permits:write')) throw permitError('FORBIDDEN', 'onlyDeclarantCites');
    if (FINAL.has(d.status)) throw permitError('CONFLICT', 'permitsFrozen', { status: d.status }, { status: d.status });
    const sql = sqlOfPrisma(tx);
    const requirement = (await loadPermitRequirements(sql, d.id)).find((r) => r.itemSequence === v.itemSequence && r.ruleKey === v.ruleKey);
    if (!requirement) throw bad('ruleKey', 'MISMATCH', `The rule ${v.ruleKey} is not a requirement of item ${v.itemSequence}.`);

    let permitId: string | null = null;
    if (v.permitNumber) {
      const p = await tx.permit.findUnique({ where: { number: v.permitNumber } });
      const holder = clientOf(d) ?? d.declarantId;
      if (!p || p.holderId !== holder) throw bad('permitNumber', 'UNKNOWN', `No permit ${v.permitNumber} held by this declaration’s ${d.type === 'EX' ? 'exporter' : 'importer'}.`);
      if (p.agencyId !== requirement.agency.id || p.documentCode !== requirement.documentCode) throw bad('permitNumber', 'MISMATCH', `Permit ${p.number} is not a ${requirement.documentName} of ${requirement.agency.code}.`);
      if (!p.commodityCodes.some((c) => requirement.commodityCode.startsWith(c) || c.startsWith(requirement.commodityCode))) throw bad('permitNumber', 'MISMATCH', `Permit ${p.number} does not cover commodity ${requirement.commodityCode}.`);
      permitId = p.id;
    }
    if (v.disclaimCode) {
      if (requirement.severity !== 'MAY_BE_REQUIRED') throw bad('disclaimCode', 'NOT_ALLOWED', 'Only a MAY_BE_REQUIRED requirement can be disclaimed.');
      if (!Object.hasOwn(DISCLAIM_CODES, v.disclaimCode)) throw bad('disclaimCode', 'INVALID', `A disclaim code is one of ${Object.keys(DISCLAIM_CODES).join(', ')}.`);
      if (!v.disclaimReason) throw bad('disclaimReason', 'REQUIRED', 'Say why the requirement does not apply: the agency sees it.');
    }
    // Changing what is cited gives back what the old permit held for this declaration first.
    if (requirement.reservedQuantity) await returnPermitReservations(sql, { declarationId: d.id });
    const values = [d.id, v.itemSequence, requirement.ruleId, permitId, v.externalReference || null, v.disclaimCode || null, v.disclaimCode ? v.disclaimReason : null];
    await sql(
      `INSERT INTO declaration_permit_requirement (id, declaration_id, item_sequence, rule_id, permit_id, external_reference, disclaim_code, disclaim_reason, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, $2, $3::uuid, $4::uuid, $5, $6, $7, now())
       ON CONFLICT (declaration_id, item_sequence, rule_id) DO UPDATE SET permit_id = $4::uuid, external_reference = $5, external_confirmed_at = NULL,
         external_confirmed_by_id = NULL, disclaim_code = $6, disclaim_reason = $7, updated_at = now()`,
      values,
    );
    await recordAudit(tx, {
      actor,
      action: 'declaration.cite_permit',
      targetType: 'declaration',
      targetId: d.id,
      requestId: options.requestId,
      details: { itemSequence: v.itemSequence, ruleKey: v.ruleKey, permitNumber: v.permitNumber ?? null, externalReference: v.externalReference ?? null, disclaimCode: v.disclaimCode ?? null },
    });
    return (await loadPermitRequirements(sql, d.id)).find((r) => r.itemSequence === v.itemSequence && r.ruleKey === v.ruleKey)!;
  });
}
