'use server';
// Server actions of "filing fast": copy a declaration under a new LRN, save one as a company template.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { copyDeclaration } from '../../lib/declarations/copy-declaration';
import { saveDeclarationTemplate } from '../../lib/declarations/save-declaration-template';
import { AppError } from '../../lib/errors';
import { failed } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';
import { getActor } from '../session';

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/** The problem in the reader's language (failed()); a declaration one cannot see is said as not found. */
async function problem(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (error instanceof AppError && error.code === 'NOT_FOUND') {
    const t = await getTranslations('declarationForm.filingAid');
    return { ok: false, message: t('notFound'), fieldErrors: error.details.fieldErrors ?? [], values };
  }
  return failed(error, values);
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
  const t = await getTranslations('declarationForm.filingAid');
  return { ok: true, message: t('templateSaved', { name: values.name.trim() }), fieldErrors: [] };
}
