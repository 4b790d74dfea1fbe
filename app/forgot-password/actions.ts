'use server';
// "Forgot password": the answer is the same whether or not the email has an account, so the form
// cannot be used to find out who has one.
import { requestPasswordReset } from '../../lib/auth/request-password-reset';
import { requestInfo, succeeded, textOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const email = textOf(formData, 'email').trim();
  if (!email) return { ok: false, message: 'Some fields need correcting.', fieldErrors: [{ path: ['email'], code: 'REQUIRED', message: 'Give the email address you sign in with.' }] };
  await requestPasswordReset({ email, request: await requestInfo() });
  return succeeded('If an account exists for that email, a link is on its way.');
}
