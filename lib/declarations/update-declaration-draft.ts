import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { AppError, type FieldError } from '../errors';
import { parseInput, throwFieldErrors } from '../validation';
import { assertCanCreateDeclaration, assertCanFileDeclaration, assertCanReadDeclaration } from '../auth/policy';
import { assertDraftOpen } from './assert-draft-open';
import { headerData, replaceLines, resolveParties } from './declaration-body';
import { declarationInput, type DeclarationInput } from './declaration-input';
import { cataloguedMessage } from '../i18n/catalogued-message';

/** `details.reason` of the CONFLICT when the declaration is no longer a draft (a submission's retry looks for it). */
export const NOT_A_DRAFT = 'not_a_draft';

/** Replaces a DRAFT's content with the input (a whole-document save, as the portal's form sends it). */
export async function updateDeclarationDraft(options: { actor: Actor; id: string; input: DeclarationInput; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  const input = parseInput(declarationInput, options.input);
  return getDb().$transaction(async (tx) => {
    // Row lock: two saves of the same draft apply one after the other.
    await tx.$queryRaw`SELECT 1 FROM declaration WHERE id = ${id}::uuid FOR UPDATE`;
    const current = await tx.declaration.findUnique({ where: { id } });
    assertCanReadDeclaration(actor, current, id);
    assertCanFileDeclaration(actor, current);
    if (current.status !== 'DRAFT') {
      throw new AppError('CONFLICT', `Only a DRAFT can be edited; this declaration is ${current.status}. Use amendDeclaration to change a submitted one.`, {
        reason: NOT_A_DRAFT,
        status: current.status,
      });
    }
    const errors: FieldError[] = [];
    const sql = sqlOfPrisma(tx);
    await assertDraftOpen(sql, id);
    const parties = await resolveParties(sql, input, errors);
    if (input.lrn !== current.lrn) {
      const duplicate = await tx.declaration.findUnique({ where: { declarantId_lrn: { declarantId: current.declarantId, lrn: input.lrn } }, select: { id: true } });
      if (duplicate) errors.push({ path: ['lrn'], code: 'DUPLICATE', ...cataloguedMessage('declaration.lrnTaken', { lrn: input.lrn }) });
    }
    throwFieldErrors(errors);
    // A broker may not move a draft to a client it does not represent.
    assertCanCreateDeclaration(actor, { type: input.type, ...parties, representationStatus: input.representationStatus ?? null });
    await tx.declaration.update({ where: { id }, data: { ...headerData(input), ...parties } });
    await replaceLines(sql, id, input);
    await recordAudit(tx, { actor, action: 'declaration.update_draft', targetType: 'declaration', targetId: id, requestId: options.requestId });
    return { id };
  });
}
