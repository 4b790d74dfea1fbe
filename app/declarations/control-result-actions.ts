'use server';
// The officer's control result, posted by the form of a declaration's page (control-result-form.tsx):
// the outcome, one row per goods item (the kind of finding and the corrected values, empty when nothing
// was found on it), the internal note and, for a correction, its reason. lib/risk/record-control-result.ts
// validates, recomputes the additional duties from the tariff and stores the version; its field errors
// ("findings.<i>.correctedCommodityCode") come back under the form's own field names
// ("item-<sequence>-correctedCommodityCode") so that each is shown next to its field.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { AppError, type FieldError } from '../../lib/errors';
import { recordControlResult, type ControlResultInput } from '../../lib/risk/record-control-result';
import { getActor } from '../session';
import type { FormActionState } from './actions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The corrected values a finding may carry, as the form names them after `item-<sequence>-`. */
const CORRECTED = ['correctedCommodityCode', 'correctedCustomsValue', 'correctedOriginCountry', 'correctedNetMass', 'correctedSupplementaryQuantity'] as const;
type Finding = NonNullable<ControlResultInput['findings']>[number];

function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The form's field name of a lib field error: findings are numbered by their place in the input, the form by item. */
function formPath(error: FieldError, sequences: number[]): FieldError {
  const [head, index, field] = error.path;
  if (head !== 'findings' || index === undefined) return error;
  const sequence = sequences[Number(index)];
  if (sequence === undefined) return { ...error, path: ['findings'] };
  return { ...error, path: [`item-${sequence}-${field ?? 'kind'}`] };
}

export async function recordControlResultAction(_previous: FormActionState, formData: FormData): Promise<FormActionState> {
  const id = textOf(formData, 'id');
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === 'string' && !name.startsWith('$')) values[name] = value;
  if (!UUID.test(id)) return { ok: false, message: 'No such declaration that you can see.', fieldErrors: [], values };

  // Every item of the declaration has a row; a row with nothing chosen or typed is not a finding.
  const sequences = [...new Set([...formData.keys()].flatMap((k) => /^item-(\d{1,3})-kind$/.exec(k)?.[1] ?? []).map(Number))].sort((a, b) => a - b);
  const findings: Finding[] = [];
  const problems: FieldError[] = [];
  for (const sequence of sequences) {
    const kind = textOf(formData, `item-${sequence}-kind`).trim();
    const corrected = Object.fromEntries(CORRECTED.flatMap((f) => (textOf(formData, `item-${sequence}-${f}`).trim() ? [[f, textOf(formData, `item-${sequence}-${f}`).trim()]] : [])));
    if (!kind && Object.keys(corrected).length === 0) continue;
    if (!kind) {
      problems.push({ path: [`item-${sequence}-kind`], code: 'REQUIRED', message: `Say what kind of finding the corrected values of item ${sequence} are.` });
      continue;
    }
    findings.push({ itemSequence: sequence, kind: kind as Finding['kind'], ...corrected });
  }
  if (!textOf(formData, 'outcome')) problems.unshift({ path: ['outcome'], code: 'REQUIRED', message: 'Choose the outcome of the control.' });
  if (problems.length) return { ok: false, message: 'Some fields need correcting.', fieldErrors: problems, values };

  const actor = await getActor();
  let version: number;
  try {
    ({ version } = await recordControlResult({
      actor,
      declarationId: id,
      input: {
        outcome: textOf(formData, 'outcome') as ControlResultInput['outcome'],
        findings,
        note: textOf(formData, 'note').trim() || undefined,
        // Empty is "not given": lib then says, on this field, that a correction needs its reason.
        correctionReason: textOf(formData, 'correctionReason').trim() || undefined,
      },
    }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const itemSequences = findings.map((f) => f.itemSequence);
    return { ok: false, message: error.message, fieldErrors: (error.details.fieldErrors ?? []).map((f) => formPath(f, itemSequences)), values };
  }
  revalidatePath('/declarations');
  revalidatePath(`/declarations/${id}`);
  redirect(`/declarations/${id}?done=control-result-${version}#control-result`);
}
