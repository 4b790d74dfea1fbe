'use server';
// "Forgot password": the answer is the same whether or not the email has an account, so the form
// cannot be used to find out who has one.
import { getTranslations } from 'next-intl/server';

import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { requestInfo, succeeded, textOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = textOf(formData, 'email').trim();
  const [t, errors] = await Promise.all([getTranslations('forgotPassword'), getTranslations('errors')]);
  if (!email) return { ok: false, message: errors('fieldsNeedCorrecting'), fieldErrors: [{ path: ['email'], code: 'REQUIRED', message: t('emailRequired') }] };
  await requestPasswordReset({ email, request: await requestInfo() });
  return succeeded(t('sent'));
}
