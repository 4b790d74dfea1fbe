'use server';
// Server actions of "filing fast": copy a declaration under a new LRN, save one as a company template.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { copyDeclaration } from '../../lib/declarations/copy-declaration';
import { saveDeclarationTemplate } from '../../lib/declarations/save-declaration-template';
import { AppError } from '../../lib/errors';
import type { FormState } from '../_components/form/form-state';
import { getActor } from '../session';

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

function problem(error: unknown, values: Record<string, string>): FormState {
  if (!(error instanceof AppError)) throw error;
  return { ok: false, message: error.code === 'NOT_FOUND' ? 'No such declaration that you can see.' : error.message, fieldErrors: error.details.fieldErrors ?? [], values };
}

/** "Copy": a new draft with the declaration's content under the LRN typed; opens it for editing. */
export async function copyDeclarationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { id: text(formData, 'id'), lrn: text(formData, 'lrn') };
  let id: string;
  try {
    id = (await copyDeclaration({ actor: await getActor(), id: values.id, lrn: values.lrn })).id;
  } catch (error) {
    return problem(error, values);
  }
  revalidatePath('/declarations');
  redirect(`/declarations/${id}/edit?copied=1`);
}

/** "Save as template": the declaration's content under a name of the company's templates. */
export async function saveTemplateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { id: text(formData, 'id'), name: text(formData, 'name') };
  try {
    await saveDeclarationTemplate({ actor: await getActor(), name: values.name, fromDeclarationId: values.id });
  } catch (error) {
    return problem(error, values);
  }
  return { ok: true, message: `Saved as template “${values.name.trim()}”. Start from it under New declaration.`, fieldErrors: [] };
}
