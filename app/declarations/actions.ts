'use server';
// Server actions of the declaration pages. Problems a person can fix (invalid or incomplete input,
// a conflict, a refused permission) come back as a result for the form to show; they are not thrown.
// A lifecycle step that succeeds redirects to the declaration's page with `?done=<step>`, which shows
// what happened above the updated status and history (and works the same without JavaScript).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { amendDeclaration } from '../../lib/declarations/amend-declaration';
import { answerQuery } from '../../lib/declarations/answer-query';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { decideCancellation } from '../../lib/declarations/decide-cancellation';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import type { DeclarationInput } from '../../lib/declarations/declaration-input';
import { overrideLane } from '../../lib/declarations/override-lane';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { recordPayment } from '../../lib/declarations/record-payment';
import { requestCancellation } from '../../lib/declarations/request-cancellation';
import { saveAndSubmitDeclaration } from '../../lib/declarations/save-and-submit-declaration';
import { saveDeclarationDraft } from '../../lib/declarations/save-declaration-draft';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { AppError, type FieldError, type FieldErrorCode } from '../../lib/errors';
import { getActor, type Actor } from '../session';
import { failed } from '../_components/form/action-helpers';

export type SaveResult = { ok: true; id: string } | { ok: false; id: string | null; message: string; fieldErrors: FieldError[] };

export interface FormActionState {
  ok: boolean;
  message: string | null;
  fieldErrors: FieldError[];
  /** What was typed, shown again after a problem (React resets a form once its action has run). */
  values?: Record<string, string>;
  /** A conflict's machine-readable reason (AppError details.reason), e.g. CONTROL_RESULT_MISSING, for the form to explain. */
  reason?: string;
}

/** What `?done=` on a declaration's page reports (see DONE_MESSAGES on the page). */
export type DoneStep =
  | 'submitted'
  | 'amended'
  | 'answered'
  | 'cancel-requested'
  | 'query-raised'
  | 'lane-changed'
  | 'duties-assessed'
  | 'paid'
  | 'released'
  | 'rejected'
  | 'cancellation-granted'
  | 'cancellation-refused';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An AppError's message and field errors in the reader's language (see failed()), and its reason code. */
async function problem(error: unknown): Promise<{ message: string; fieldErrors: FieldError[]; reason?: string }> {
  const { message, fieldErrors } = await failed(error);
  const reason = error instanceof AppError && typeof error.details.reason === 'string' ? { reason: error.details.reason } : {};
  return { message: message ?? '', fieldErrors, ...reason };
}

function notFound(): { message: string; fieldErrors: FieldError[] } {
  return { message: 'No such declaration that you can see.', fieldErrors: [] };
}

/** "Save draft": creates the draft (no id yet) or replaces its content with the whole input. */
export async function saveDraftAction(id: string | null, input: DeclarationInput): Promise<SaveResult> {
  if (id !== null && !UUID.test(String(id))) return { ok: false, id: null, ...notFound() };
  const actor = await getActor();
  try {
    return { ok: true, id: (await saveDeclarationDraft({ actor, id, input })).id };
  } catch (error) {
    return { ok: false, id, ...(await problem(error)) };
  }
}

/**
 * "Submit": saves the input, then submits with the form's idempotency key (a retry replays the first
 * submission; see lib/declarations/save-and-submit-declaration.ts). A refusal keeps the saved draft's id.
 */
export async function submitDraftAction(id: string | null, input: DeclarationInput, idempotencyKey: string): Promise<SaveResult> {
  if (id !== null && !UUID.test(String(id))) return { ok: false, id: null, ...notFound() };
  const actor = await getActor();
  let submitted: { id: string };
  try {
    submitted = await saveAndSubmitDeclaration({ actor, id, input, idempotencyKey: String(idempotencyKey) });
  } catch (error) {
    const saved = error instanceof AppError && typeof error.details.declarationId === 'string' ? error.details.declarationId : id;
    return { ok: false, id: saved, ...(await problem(error)) };
  }
  revalidatePath('/declarations');
  return { ok: true, id: submitted.id };
}

function done(id: string, step: DoneStep): never {
  revalidatePath('/declarations');
  revalidatePath(`/declarations/${id}`);
  redirect(`/declarations/${id}?done=${step}`);
}

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

function invalid(path: string, code: FieldErrorCode, message: string): { message: string; fieldErrors: FieldError[] } {
  return { message: 'Some fields need correcting.', fieldErrors: [{ path: [path], code, message }] };
}

/**
 * One lifecycle step posted by a form of the detail page: the declaration id (hidden field) and the
 * named fields. A problem comes back with what was typed; success redirects (see `done`).
 */
async function lifecycleStep<F extends string>(
  formData: FormData,
  fields: readonly F[],
  run: (actor: Actor, id: string, values: Record<F, string>) => Promise<DoneStep | { message: string; fieldErrors: FieldError[] }>,
): Promise<FormActionState> {
  const id = textOf(formData, 'id');
  const values = Object.fromEntries(fields.map((f) => [f, textOf(formData, f)])) as Record<F, string>;
  if (!UUID.test(id)) return { ok: false, ...notFound(), values };
  const actor = await getActor();
  let step: DoneStep;
  try {
    const outcome = await run(actor, id, values);
    if (typeof outcome !== 'string') return { ok: false, ...outcome, values };
    step = outcome;
  } catch (error) {
    return { ok: false, ...(await problem(error)), values };
  }
  done(id, step);
}

/** The "Submit" button of a draft's detail page (a form with the declaration id and an idempotency key). */
export async function submitFromDetailAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['idempotencyKey'], async (actor, id, v) => {
    await submitDeclaration({ actor, id, idempotencyKey: v.idempotencyKey || undefined });
    return 'submitted';
  });
}

/** An officer's release or rejection (with its reason) from the detail page. */
export async function decideAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['decision', 'reason'], async (actor, id, v) => {
    if (v.decision !== 'RELEASED' && v.decision !== 'REJECTED') return { message: 'Choose to release or reject.', fieldErrors: [] };
    await decideDeclaration({ actor, id, decision: v.decision, reason: v.reason.trim() ? v.reason : undefined });
    return v.decision === 'RELEASED' ? 'released' : 'rejected';
  });
}

/** The filer's answer to the open query. (Changing the content goes through the amendment form.) */
export async function answerQueryAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['answer'], async (actor, id, v) => {
    await answerQuery({ actor, id, answer: v.answer });
    return 'answered';
  });
}

/** The filer asks customs to cancel the declaration, with a reason. */
export async function requestCancellationAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['reason'], async (actor, id, v) => {
    await requestCancellation({ actor, id, reason: v.reason });
    return 'cancel-requested';
  });
}

/** An officer grants or refuses a cancellation request (the button pressed says which), with a reason. */
export async function decideCancellationAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['reason', 'grant'], async (actor, id, v) => {
    if (v.grant !== 'true' && v.grant !== 'false') return { message: 'Choose to grant or to refuse the cancellation.', fieldErrors: [] };
    await decideCancellation({ actor, id, grant: v.grant === 'true', reason: v.reason });
    return v.grant === 'true' ? 'cancellation-granted' : 'cancellation-refused';
  });
}

/** An officer asks the filer a question; the declaration waits in QUERY for the answer. */
export async function raiseQueryAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['question'], async (actor, id, v) => {
    await raiseQuery({ actor, id, question: v.question });
    return 'query-raised';
  });
}

const LANES = ['GREEN', 'YELLOW', 'RED'] as const;

/** An officer sets the lane by hand, with a reason (kept among the risk findings). */
export async function overrideLaneAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['lane', 'reason'], async (actor, id, v) => {
    const lane = LANES.find((l) => l === v.lane);
    if (!lane) return invalid('lane', 'REQUIRED', 'Choose the new lane.');
    await overrideLane({ actor, id, lane, reason: v.reason });
    return 'lane-changed';
  });
}

/** An officer assesses duties and taxes from the tariff (after control). */
export async function assessDutiesAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, [], async (actor, id) => {
    await assessDuties({ actor, id });
    return 'duties-assessed';
  });
}

/** An officer records the payment of the assessed amount, with its reference. */
export async function recordPaymentAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  return lifecycleStep(formData, ['amount', 'reference'], async (actor, id, v) => {
    await recordPayment({ actor, id, amount: v.amount.trim(), reference: v.reference });
    return 'paid';
  });
}

/**
 * "Submit amendment": the whole content again with the reason for the change, frozen as the next
 * version. The form goes to the declaration's page itself on success (`?done=amended`).
 */
export async function amendAction(id: string, input: DeclarationInput, reason: string): Promise<SaveResult> {
  if (!UUID.test(String(id))) return { ok: false, id: null, ...notFound() };
  const actor = await getActor();
  try {
    await amendDeclaration({ actor, id, input, reason: String(reason ?? '') });
  } catch (error) {
    return { ok: false, id, ...(await problem(error)) };
  }
  revalidatePath('/declarations');
  revalidatePath(`/declarations/${id}`);
  return { ok: true, id };
}
