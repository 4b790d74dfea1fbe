// "Submit" of a form that holds the whole declaration: save what is on screen, then submit it with the
// form's idempotency key. The save is committed on its own, so a submission refused as incomplete
// leaves the draft with the latest content (the form shows what is missing and keeps the id).
//
// A retry of a submission that went through (double click, a lost response) finds the declaration no
// longer a draft: nothing is saved, and submitDeclaration replays the first result for the same key
// (or, without one, says that it is already submitted), exactly as the API's submitDeclaration does.
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { DeclarationInput } from './declaration-input';
import { saveDeclarationDraft } from './save-declaration-draft';
import { submitDeclaration } from './submit-declaration';
import { NOT_A_DRAFT } from './update-declaration-draft';

/**
 * Resolves like submitDeclaration. A refusal after the draft was saved carries the draft's id as
 * `details.declarationId`, so that a form that had none yet can keep it.
 */
export async function saveAndSubmitDeclaration(options: {
  actor: Actor;
  id: string | null;
  input: DeclarationInput;
  idempotencyKey?: string;
  requestId?: string;
}): Promise<{ id: string; replayed: boolean }> {
  const { actor, input, idempotencyKey, requestId } = options;
  let id = options.id;
  try {
    id = (await saveDeclarationDraft({ actor, id, input, requestId })).id;
  } catch (error) {
    if (!(id !== null && error instanceof AppError && error.details.reason === NOT_A_DRAFT)) throw error;
  }
  try {
    return await submitDeclaration({ actor, id, idempotencyKey, requestId });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, { ...error.details, declarationId: id }, { cause: error });
  }
}
