// An officer of the issuing agency approves, rejects, or asks the applicant for information. Approval
// issues the permit (number, validity window, quantity), anchors its decision record in the ledger like
// a customs decision, and cites the permit on the declaration it was applied from. Deciding an
// application that is already decided is a CONFLICT that changes nothing (the row lock makes two
// simultaneous decisions queue, and the second sees the first).
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertCanDecideForAgency } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import { recordBusinessEvent } from '../notifications/record-business-event';
import type { PermitApplication } from '../generated/prisma/client';
import { anchorItem } from '../ledger/anchor-item';
import { fieldsNeedCorrecting, parseInput } from '../validation';
import { lockPermitApplication } from './lock-permit-application';
import { newPermitNumber } from './permit-numbers';
import { permitDecisionRecord } from './permit-decision-record';
import { permitError } from './permit-error';

export const decidePermitInput = z.object({
  decision: z.enum(['APPROVE', 'REJECT', 'REQUEST_INFO']),
  reason: z.string().trim().max(1000).nullish(),
  validFrom: z.coerce.date().nullish(),
  validUntil: z.coerce.date().nullish(),
  /** Approved quantity of a quantity-managed permit (default: the quantity applied for). */
  quantity: z.string().trim().regex(/^\d{1,11}(\.\d{1,3})?$/, 'A quantity is a positive number with up to 3 decimals.').nullish(),
  /** The agency's internal note (never shown to the applicant or other agencies). */
  agencyNote: z.string().trim().max(2000).nullish(),
});

export type DecidePermitInput = z.input<typeof decidePermitInput>;

const DECIDABLE = new Set(['SUBMITTED', 'UNDER_REVIEW']);
const bad = (path: string, code: 'REQUIRED' | 'INVALID' | 'TOO_SMALL', message: string) => fieldsNeedCorrecting([{ path: [path], code, message }]);

export async function decidePermitApplication(options: { actor: Actor; id: string; input: DecidePermitInput; requestId?: string }): Promise<PermitApplication> {
  const { actor, id } = options;
  const v = parseInput(decidePermitInput, options.input);
  const now = new Date();
  if (v.decision !== 'APPROVE' && !v.reason) throw bad('reason', 'REQUIRED', v.decision === 'REJECT' ? 'Say why the application is rejected: the applicant sees it.' : 'Ask your question: the applicant sees it.');
  return getDb().$transaction(async (tx) => {
    const a = await lockPermitApplication(tx, id, actor);
    assertCanDecideForAgency(actor, a.agencyId);
    if (!DECIDABLE.has(a.status)) {
      throw a.status === 'DRAFT' ? permitError('CONFLICT', 'notSubmittedYet', {}, { status: a.status }) : permitError('CONFLICT', 'alreadyDecided', { status: a.status }, { status: a.status });
    }
    const note = v.agencyNote ? { agencyNote: [a.agencyNote, v.agencyNote].filter(Boolean).join('\n') } : {};
    let permitNumber: string | null = null;
    if (v.decision === 'REQUEST_INFO') {
      await tx.permitApplication.update({ where: { id }, data: { status: 'INFO_REQUESTED', infoRequest: v.reason!, infoAnswer: null, ...note } });
    } else if (v.decision === 'REJECT') {
      await tx.permitApplication.update({ where: { id }, data: { status: 'REJECTED', decisionReason: v.reason!, decidedById: actor.userId, decidedAt: now, ...note } });
    } else {
      const rule = a.ruleId ? await tx.permitRule.findUnique({ where: { id: a.ruleId } }) : null;
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: a.agencyId } });
      const holder = await tx.company.findUniqueOrThrow({ where: { id: a.applicantId } });
      const validFrom = v.validFrom ?? now;
      const validUntil = v.validUntil ?? new Date(validFrom.getTime() + (rule?.validityDays ?? 90) * 86_400_000);
      if (Number.isNaN(validFrom.getTime())) throw bad('validFrom', 'INVALID', 'Not a date.');
      if (validUntil <= now) throw bad('validUntil', 'INVALID', 'The validity must end in the future: a permit valid only in the past cannot be issued.');
      if (validUntil <= validFrom) throw bad('validUntil', 'INVALID', 'The validity must end after it starts.');
      const quantity = a.quantityUnit ? (v.quantity ?? a.requestedQuantity?.toString() ?? null) : null;
      if (a.quantityUnit && (!quantity || Number(quantity) <= 0)) throw bad('quantity', 'TOO_SMALL', `Approve a quantity above 0 ${a.quantityUnit}.`);
      const goods = a.goods as { commodityCode: string; itemSequence: number | null }[];
      const commodityCodes = [...new Set(goods.map((g) => g.commodityCode))];
      permitNumber = newPermitNumber(agency.code, now);
      const record = permitDecisionRecord({
        action: 'APPROVED',
        permitNumber,
        applicationNumber: a.number,
        agencyCode: agency.code,
        holderEori: holder.eori,
        documentCode: a.documentCode,
        commodityCodes,
        validFrom,
        validUntil,
        quantity,
        quantityUnit: a.quantityUnit,
        ruleKey: rule?.key ?? null,
        ruleVersion: a.ruleVersion,
        decidedAt: now,
        reason: v.reason ?? null,
      });
      const permit = await tx.permit.create({
        data: {
          number: permitNumber,
          applicationId: a.id,
          agencyId: a.agencyId,
          holderId: a.applicantId,
          documentCode: a.documentCode,
          commodityCodes,
          validFrom,
          validUntil,
          quantityUnit: a.quantityUnit,
          totalQuantity: quantity,
          available: quantity,
          decisionRecord: record.json,
          decisionSha256: record.sha256,
        },
      });
      await tx.permitApplication.update({ where: { id }, data: { status: 'APPROVED', decisionReason: v.reason ?? null, decidedById: actor.userId, decidedAt: now, ...note } });
      const sql = sqlOfPrisma(tx);
      if (a.declarationId && a.ruleId) await citeOnDeclaration(sql, { declarationId: a.declarationId, ruleId: a.ruleId, permitId: permit.id, items: goods.map((g) => g.itemSequence).filter((s): s is number => s !== null) });
      await anchorItem(sql, { kind: 'decision', sha256: record.sha256, ref: `permit/${permitNumber}/approved` });
    }
    // The applicant's people (and, for a declaration's permit, everyone who may see it) hear of it.
    await recordBusinessEvent(sqlOfPrisma(tx), {
      type: v.decision === 'REQUEST_INFO' ? 'permit.info_requested' : 'permit.decided',
      declarationId: a.declarationId,
      companyId: a.applicantId,
      payload: { permitApplicationId: id, decision: v.decision, permitNumber },
    });
    await recordAudit(tx, { actor, action: 'permit_application.decide', targetType: 'permit_application', targetId: id, requestId: options.requestId, details: { decision: v.decision, reason: v.reason ?? null, permitNumber } });
    return tx.permitApplication.findUniqueOrThrow({ where: { id } });
  });
}

/**
 * The declaration it was applied from now cites the permit, where nothing else is cited yet: a draft
 * gets the rows (frozen at submission), a filed declaration's frozen rows are filled in (its quantity is
 * drawn at release, as for any citation made after submission).
 */
async function citeOnDeclaration(sql: ReturnType<typeof sqlOfPrisma>, c: { declarationId: string; ruleId: string; permitId: string; items: number[] }): Promise<void> {
  await sql(
    `WITH d AS (SELECT status FROM declaration WHERE id = $1::uuid),
     filled AS (
       UPDATE declaration_permit_requirement SET permit_id = $3::uuid, updated_at = now()
        WHERE declaration_id = $1::uuid AND rule_id = $2::uuid AND item_sequence = ANY($4::int[])
          AND permit_id IS NULL AND external_reference IS NULL AND waived_at IS NULL
       RETURNING item_sequence)
     INSERT INTO declaration_permit_requirement (id, declaration_id, item_sequence, rule_id, permit_id, updated_at)
     SELECT gen_random_uuid(), $1::uuid, s, $2::uuid, $3::uuid, now() FROM unnest($4::int[]) AS s
      WHERE (SELECT status FROM d) = 'DRAFT'
     ON CONFLICT (declaration_id, item_sequence, rule_id) DO NOTHING`,
    [c.declarationId, c.ruleId, c.permitId, c.items],
  );
}
