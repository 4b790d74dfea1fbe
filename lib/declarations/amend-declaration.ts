// An amendment: the filer changes an accepted declaration before its release. The content is
// validated like a submission, customs values (and duties, if already assessed) are recomputed, and
// the result is frozen as the next version. The status does not change.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import type { Tx } from '../database/tx';
import { sqlOfPrisma } from '../database/sql';
import { recordPermitRequirements } from '../permits/record-permit-requirements';
import { getDb } from '../db';
import { AppError, type FieldError } from '../errors';
import { fieldsNeedCorrecting, parseInput, throwFieldErrors } from '../validation';
import { assertCanCreateDeclaration, assertCanFileDeclaration } from '../auth/policy';
import { checkCompleteness } from './check-completeness';
import { customsValues } from './customs-values';
import { headerData, replaceLines, resolveParties } from './declaration-body';
import { declarationInput, type DeclarationInput } from './declaration-input';
import { isAmendable } from './lifecycle';
import { lockDeclaration, requireText } from './lock-declaration';
import { freezeVersion } from './freeze-version';
import { loadDeclarationRows } from './declaration-rows';
import { replaceValueSamples } from './value-samples';
import { writeDutyLines } from './write-duty-lines';
import { recordBusinessEvent } from '../notifications/record-business-event';

export async function amendDeclaration(options: { actor: Actor; id: string; input: DeclarationInput; reason: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  const reason = requireText(options.reason, 'reason', 'the reason for the amendment', 500);
  const input = parseInput(declarationInput, options.input);
  return getDb().$transaction((tx) => applyAmendment(tx, { actor, id, input, reason, requestId: options.requestId }));
}

/** The amendment inside a caller's transaction (answerQuery uses it too). */
export async function applyAmendment(
  tx: Tx,
  args: { actor: Actor; id: string; input: ReturnType<typeof declarationInput.parse>; reason: string; requestId?: string },
): Promise<{ id: string }> {
  const { actor, id, input } = args;
  const current = await lockDeclaration(tx, id, actor);
  assertCanFileDeclaration(actor, current);
  if (!isAmendable(current.status)) {
    throw new AppError('CONFLICT', `A ${current.status} declaration cannot be amended${current.status === 'DRAFT' ? ': edit the draft instead' : ''}.`, { status: current.status });
  }
  if (input.lrn !== current.lrn) throw fieldsNeedCorrecting([{ path: ['lrn'], code: 'NOT_ALLOWED', message: 'The LRN of a submitted declaration cannot change.' }]);
  if (input.type !== current.type) throw fieldsNeedCorrecting([{ path: ['type'], code: 'NOT_ALLOWED', message: 'The declaration type of a submitted declaration cannot change.' }]);

  const sql = sqlOfPrisma(tx);
  const errors: FieldError[] = [];
  const parties = await resolveParties(sql, input, errors);
  throwFieldErrors(errors);
  // An amendment may not move the declaration into the name of a company the filer does not act for.
  assertCanCreateDeclaration(actor, { type: input.type, ...parties, representationStatus: input.representationStatus ?? null });
  await tx.declaration.update({ where: { id }, data: { ...headerData(input), ...parties, version: current.version + 1 } });
  await replaceLines(sql, id, input);
  const full = (await loadDeclarationRows(sql, id))!;
  throwFieldErrors(await checkCompleteness(sql, full), 'The amended declaration is not complete.');

  const values = customsValues({ itemPrices: full.items.map((i) => i.itemPrice), invoiceAmount: full.invoiceAmount!, freight: full.freight, insurance: full.insurance, exchangeRate: full.exchangeRate! });
  full.items.forEach((item, i) => {
    item.customsValue = values[i]!.toFixed(2);
    item.statisticalValue = item.customsValue;
  });
  await sql(
    `UPDATE goods_item g SET customs_value = v.value, statistical_value = v.value
       FROM unnest($1::int[], $2::numeric[]) AS v(seq, value) WHERE g.declaration_id = $3::uuid AND g.sequence = v.seq`,
    [full.items.map((i) => i.sequence), full.items.map((i) => i.customsValue), id],
  );
  if (current.status === 'DUTY_ASSESSED') await writeDutyLines(sql, id);
  await replaceValueSamples(sql, id, full.items);

  await recordPermitRequirements(sql, { declarationId: id });
  await freezeVersion(sql, { row: full, version: current.version + 1, actor, reason: args.reason });
  await recordBusinessEvent(sql, {
    type: 'declaration.amended',
    declarationId: id,
    mrn: full.mrn,
    lrn: full.lrn,
    payload: { declarationId: id, mrn: full.mrn, lrn: full.lrn, status: current.status, version: current.version + 1 },
  });
  await recordAudit(tx, { actor, action: 'declaration.amend', targetType: 'declaration', targetId: id, requestId: args.requestId, details: { version: current.version + 1, reason: args.reason } });
  return { id };
}
