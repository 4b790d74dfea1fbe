'use server';
// Claim, give back and save views from the officer queue page. Problems come back to the form.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';

import { AppError } from '../../../lib/errors';
import { claimDeclaration } from '../../../lib/officer-queue/claim-declaration';
import { saveOfficerQueueView } from '../../../lib/officer-queue/save-officer-queue-view';
import { unclaimDeclaration } from '../../../lib/officer-queue/unclaim-declaration';
import type { FormState } from '../../_components/form/form-state';
import { getActor } from '../../session';
import { filterOfParams } from './filter-params';

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};

async function attempt(run: () => Promise<unknown>, ok: string): Promise<FormState> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, message: error.message, fieldErrors: error.details.fieldErrors ?? [] };
  }
  revalidatePath('/officer/queue');
  return { ok: true, message: ok, fieldErrors: [] };
}

export async function claimAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const t = await getTranslations('sharedQueue');
  return attempt(() => claimDeclaration({ actor, id: text(formData, 'id') }), t('claimedDone'));
}

export async function unclaimAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const t = await getTranslations('sharedQueue');
  return attempt(() => unclaimDeclaration({ actor, id: text(formData, 'id') }), t('givenBack'));
}

export async function saveViewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const params = Object.fromEntries([...new URLSearchParams(text(formData, 'query'))]);
  const { filter, orderBy } = filterOfParams(params);
  const t = await getTranslations('sharedQueue');
  return attempt(() => saveOfficerQueueView({ actor, name: text(formData, 'name'), filter, orderBy }), t('viewSaved', { name: text(formData, 'name').trim() }));
}
