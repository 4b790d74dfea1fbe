// Helpers of the portal's server actions (identity, company, tracking): the request's id and client IP for the audit trail,
// form values as strings, and an AppError turned into something the form can show.
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';

import type { RequestInfo } from '../../../lib/auth/actor';
import { AppError } from '../../../lib/errors';
import { isLocale } from '../../../lib/i18n/locales';
import { translateError } from '../../../lib/i18n/translate-error';
import { CLIENT_IP_HEADER } from '../../auth-options';
import type { FormState } from './form-state';

export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return { id: h.get('x-request-id'), ip: h.get(CLIENT_IP_HEADER) || null };
}

export function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The named fields as typed, for showing them again (leave passwords out). */
export function valuesOf(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, textOf(formData, n)]));
}

const READABLE: Partial<Record<AppError['code'], string>> = {
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'That no longer exists, or is not yours to change.',
  RATE_LIMITED: 'Too many attempts: wait a few minutes and try again.',
};

/**
 * A failed action's answer: an AppError becomes a message and field errors, each said in the reader's
 * language where the error names a catalogued sentence (lib/i18n/translate-error.ts); anything else is a
 * bug and is thrown.
 */
export async function failed(error: unknown, values?: Record<string, string>): Promise<FormState<never>> {
  if (!(error instanceof AppError)) throw error;
  const current = await getLocale();
  const locale = isLocale(current) ? current : 'en';
  const said = error.message ? translateError(locale, { message: error.message, messageKey: error.details.messageKey, params: error.details.params }) : null;
  const message = said || READABLE[error.code] || 'That did not work.';
  const fieldErrors = (error.details.fieldErrors ?? []).map((f) => ({ ...f, message: translateError(locale, f) }));
  return { ok: false, message, fieldErrors, values };
}

export function succeeded<R = undefined>(message: string, result?: R): FormState<R> {
  return { ok: true, message, fieldErrors: [], ...(result === undefined ? {} : { result }) };
}
