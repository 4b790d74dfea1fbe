'use server';
// The image analysts' and officers' actions on X-ray scans: claim (from the queue or the viewer), mark a
// region, give the verdict, record the physical inspection. Each posts a plain form, so it works before
// (or without) JavaScript; problems come back to the form as field errors next to their fields.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { AppError, type FieldError } from '../../lib/errors';
import { annotateScan } from '../../lib/scans/annotate-scan';
import { claimScan } from '../../lib/scans/claim-scan';
import { decideScan } from '../../lib/scans/decide-scan';
import { recordScanInspection } from '../../lib/scans/record-scan-inspection';
import type { FormState } from '../_components/form/form-state';
import { getActor } from '../session';

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
};

/** A whole number typed into a field, or NaN, which the lib's schema refuses naming the field. */
const integer = (f: FormData, name: string): number => {
  const v = text(f, name).trim();
  return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
};

/** The lib names a region's fields `regions.0.x` or `0.x`: the form's field is the last named part (`regions` for the box as a whole). */
const formField = (path: string[]): string => [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? 'regions';

async function attempt(run: () => Promise<unknown>, values: Record<string, string>, ok: string, paths: string[]): Promise<FormState> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details as { fieldErrors?: FieldError[]; field?: string };
    const fieldErrors: FieldError[] = details.fieldErrors
      ? details.fieldErrors.map((e) => ({ ...e, path: [formField(e.path)] }))
      : details.field
        ? [{ path: [formField(details.field.split('.'))], code: 'INVALID', message: error.message }]
        : [];
    return { ok: false, message: error.message, fieldErrors, values };
  }
  for (const path of paths) revalidatePath(path);
  return { ok: true, message: ok, fieldErrors: [] };
}

/** Claims the scan and opens it in the viewer; a conflict (another analyst holds it) comes back to the form. */
export async function claimScanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const id = text(formData, 'id');
  const state = await attempt(() => claimScan({ actor, id }), {}, '', ['/scans', `/scans/${id}`]);
  if (!state.ok) return state;
  redirect(`/scans/${id}`);
}

export async function annotateScanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const id = text(formData, 'id');
  const values = Object.fromEntries(['imageId', 'label', 'x', 'y', 'width', 'height', 'note'].map((k) => [k, text(formData, k)]));
  const region = {
    imageId: values.imageId!,
    label: values.label as never,
    x: integer(formData, 'x'),
    y: integer(formData, 'y'),
    width: integer(formData, 'width'),
    height: integer(formData, 'height'),
    note: values.note || null,
  };
  return attempt(() => annotateScan({ actor, id, regions: [region] }), values, 'region', [`/scans/${id}`]);
}

export async function decideScanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const id = text(formData, 'id');
  const values = { verdict: text(formData, 'verdict'), note: text(formData, 'note') };
  const state = await attempt(() => decideScan({ actor, id, verdict: values.verdict, note: values.note || null }), values, 'decided', ['/scans', `/scans/${id}`]);
  // "Some fields need correcting" for a missing verdict names the field `verdict`; a SUSPECT verdict
  // without a region names `regions`, shown beside the verdict since that form has no region field.
  return state.ok ? state : { ...state, fieldErrors: state.fieldErrors.map((e) => (e.path[0] === 'regions' ? { ...e, path: ['verdict'] } : e)) };
}

export async function recordScanInspectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const id = text(formData, 'id');
  const values = { note: text(formData, 'note') };
  return attempt(() => recordScanInspection({ actor, id, note: values.note || null }), values, 'inspected', ['/scans', `/scans/${id}`]);
}
