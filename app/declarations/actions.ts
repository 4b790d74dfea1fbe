'use server';
// Server actions of the declaration pages. Problems a person can fix (invalid or incomplete input,
// a conflict, a refused permission) come back as a result for the form to show; they are not thrown.
import { revalidatePath } from 'next/cache';

import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import type { DeclarationInput } from '../../lib/declarations/declaration-input';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { updateDeclarationDraft } from '../../lib/declarations/update-declaration-draft';
import { AppError, type FieldError } from '../../lib/errors';
import { getActor, type Actor } from '../acting-user';

export type SaveResult = { ok: true; id: string } | { ok: false; id: string | null; message: string; fieldErrors: FieldError[] };

export interface FormActionState {
  ok: boolean;
  message: string | null;
  fieldErrors: FieldError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function problem(error: unknown): { message: string; fieldErrors: FieldError[] } {
  if (!(error instanceof AppError)) throw error;
  return { message: error.message, fieldErrors: error.details.fieldErrors ?? [] };
}

function notFound(): { message: string; fieldErrors: FieldError[] } {
  return { message: 'No such declaration that you can see.', fieldErrors: [] };
}

async function save(actor: Actor, id: string | null, input: DeclarationInput): Promise<string> {
  if (id) {
    await updateDeclarationDraft({ actor, id, input });
    return id;
  }
  return (await createDeclarationDraft({ actor, input })).id;
}

/** "Save draft": creates the draft (no id yet) or replaces its content with the whole input. */
export async function saveDraftAction(id: string | null, input: DeclarationInput): Promise<SaveResult> {
  if (id !== null && !UUID.test(String(id))) return { ok: false, id: null, ...notFound() };
  const actor = await getActor();
  try {
    return { ok: true, id: await save(actor, id, input) };
  } catch (error) {
    return { ok: false, id, ...problem(error) };
  }
}

/**
 * "Submit": saves the input, then submits with the form's idempotency key. A repeated call with the same
 * key (double click, a retry after a lost response) finds the declaration no longer a draft and replays
 * the first submission instead of failing.
 */
export async function submitDraftAction(id: string | null, input: DeclarationInput, idempotencyKey: string): Promise<SaveResult> {
  if (id !== null && !UUID.test(String(id))) return { ok: false, id: null, ...notFound() };
  const actor = await getActor();
  let savedId = id;
  try {
    const current = id ? await getDeclaration({ actor, id }) : null;
    if (!current || current.status === 'DRAFT') savedId = await save(actor, id, input);
    await submitDeclaration({ actor, id: savedId!, idempotencyKey: String(idempotencyKey) });
  } catch (error) {
    return { ok: false, id: savedId, ...problem(error) };
  }
  revalidatePath('/declarations');
  return { ok: true, id: savedId! };
}

/** The "Submit" button of a draft's detail page (a form with the declaration id and an idempotency key). */
export async function submitFromDetailAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  const id = String(formData.get('id') ?? '');
  if (!UUID.test(id)) return { ok: false, ...notFound() };
  const actor = await getActor();
  try {
    await submitDeclaration({ actor, id, idempotencyKey: String(formData.get('idempotencyKey') ?? '') || undefined });
  } catch (error) {
    return { ok: false, ...problem(error) };
  }
  revalidatePath(`/declarations/${id}`);
  return { ok: true, message: 'The declaration was submitted.', fieldErrors: [] };
}

/** An officer's release or rejection (with its reason) from the detail page. */
export async function decideAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  const id = String(formData.get('id') ?? '');
  const decision = formData.get('decision');
  if (!UUID.test(id)) return { ok: false, ...notFound() };
  if (decision !== 'RELEASED' && decision !== 'REJECTED') return { ok: false, message: 'Choose to release or reject.', fieldErrors: [] };
  const reason = formData.get('reason');
  const actor = await getActor();
  try {
    await decideDeclaration({ actor, id, decision, reason: typeof reason === 'string' && reason.trim() ? reason : undefined });
  } catch (error) {
    return { ok: false, ...problem(error) };
  }
  revalidatePath(`/declarations/${id}`);
  return { ok: true, message: decision === 'RELEASED' ? 'The declaration was released.' : 'The declaration was rejected.', fieldErrors: [] };
}
