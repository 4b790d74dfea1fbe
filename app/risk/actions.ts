'use server';
// The risk dashboard's actions: the same lib functions the GraphQL mutations call (importControlHistory,
// trainRiskModel, activateRiskModel), so rights, checks and audit are the same. Plain form posts: each
// works without JavaScript (the page is rendered again with the answer).
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';

import { activateRiskModel } from '../../lib/risk/activate-risk-model';
import { importControlHistory, type ImportProblem } from '../../lib/risk/import-control-history';
import { trainRiskModel } from '../../lib/risk/train-risk-model';
import { failed, requestInfo, succeeded, textOf } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';
import { getActor } from '../session';

export interface ImportOutcome {
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRefused: number;
  problems: ImportProblem[];
}

export async function importHistoryAction(_previous: FormState<ImportOutcome>, formData: FormData): Promise<FormState<ImportOutcome>> {
  const [actor, t, { id: requestId }] = await Promise.all([getActor(), getTranslations('risk'), requestInfo()]);
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: t('importNoFile'), fieldErrors: [{ path: ['file'], code: 'REQUIRED', message: t('importNoFile') }] };
  }
  try {
    const done = await importControlHistory({ actor, source: await file.text(), fileName: file.name || 'upload.csv', requestId: requestId ?? undefined });
    revalidatePath('/risk');
    const outcome: ImportOutcome = { status: done.status, rowsRead: done.rowsRead, rowsAccepted: done.rowsAccepted, rowsRefused: done.rowsRefused, problems: done.errors as unknown as ImportProblem[] };
    if (done.status !== 'COMPLETED') return { ok: false, message: t('importRefused', { refused: done.rowsRefused, read: done.rowsRead }), fieldErrors: [], result: outcome };
    return succeeded(t('importDone', { rows: done.rowsAccepted, file: done.fileName }), outcome);
  } catch (error) {
    return failed(error);
  }
}

export async function trainModelAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const [actor, t, { id: requestId }] = await Promise.all([getActor(), getTranslations('risk'), requestInfo()]);
  try {
    const { version } = await trainRiskModel({ actor, requestId: requestId ?? undefined });
    revalidatePath('/risk');
    return succeeded(t('trainQueued', { version }));
  } catch (error) {
    return failed(error);
  }
}

export async function activateModelAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [actor, t, { id: requestId }] = await Promise.all([getActor(), getTranslations('risk'), requestInfo()]);
  try {
    await activateRiskModel({ actor, id: textOf(formData, 'id'), reason: textOf(formData, 'reason'), force: textOf(formData, 'force') === 'on', requestId: requestId ?? undefined });
    revalidatePath('/risk');
    return succeeded(t('activated', { version: textOf(formData, 'version') }));
  } catch (error) {
    return failed(error, { reason: textOf(formData, 'reason') });
  }
}
