// "Save draft" of a form that holds the whole declaration: the first save creates the draft, every
// later one replaces its content. The portal's form calls this one verb whether or not it has an id yet.
import type { Actor } from '../auth/actor';
import { createDeclarationDraft } from './create-declaration-draft';
import type { DeclarationInput } from './declaration-input';
import { updateDeclarationDraft } from './update-declaration-draft';

export async function saveDeclarationDraft(options: { actor: Actor; id: string | null; input: DeclarationInput; requestId?: string }): Promise<{ id: string }> {
  const { actor, id, input, requestId } = options;
  return id === null ? createDeclarationDraft({ actor, input, requestId }) : updateDeclarationDraft({ actor, id, input, requestId });
}
