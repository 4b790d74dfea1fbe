import type { Actor } from '../actors/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { parseInput, throwFieldErrors } from '../validation';
import { assertFiler } from './access';
import { headerData, replaceLines, resolveParties } from './declaration-body';
import { declarationInput, type DeclarationInput } from './declaration-input';
import type { FieldError } from '../errors';

/** A new DRAFT declaration of the actor's company. Nothing is stored unless every field is valid. */
export async function createDeclarationDraft(options: { actor: Actor; input: DeclarationInput; requestId?: string }): Promise<{ id: string }> {
  const { actor } = options;
  assertFiler(actor);
  const input = parseInput(declarationInput, options.input);
  return getDb().$transaction(async (tx) => {
    const errors: FieldError[] = [];
    const parties = await resolveParties(tx, input, errors);
    const duplicate = await tx.declaration.findUnique({ where: { declarantId_lrn: { declarantId: actor.companyId, lrn: input.lrn } }, select: { id: true } });
    if (duplicate) errors.push({ path: ['lrn'], code: 'duplicate', message: `Your company already has a declaration with LRN ${input.lrn}.` });
    throwFieldErrors(errors);

    const declaration = await tx.declaration
      .create({ data: { ...headerData(input), ...parties, declarantId: actor.companyId, createdById: actor.userId }, select: { id: true } })
      .catch((error: unknown) => {
        // Two concurrent creations with the same LRN: the unique index decides.
        if ((error as { code?: string }).code === 'P2002') {
          throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', {
            fieldErrors: [{ path: ['lrn'], code: 'duplicate', message: `Your company already has a declaration with LRN ${input.lrn}.` }],
          });
        }
        throw error;
      });
    await replaceLines(tx, declaration.id, input);
    await tx.declarationStatusChange.create({ data: { declarationId: declaration.id, fromStatus: null, toStatus: 'DRAFT', actorId: actor.userId } });
    await recordAudit(tx, { actor, action: 'declaration.create_draft', targetType: 'declaration', targetId: declaration.id, requestId: options.requestId, details: { lrn: input.lrn } });
    return declaration;
  });
}
