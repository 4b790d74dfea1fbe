'use server';
import { resetPassword } from '../../lib/auth/reset-password';
import { failed, requestInfo, succeeded, textOf } from '../account/_components/action-helpers';
import type { FormState } from '../account/_components/form-state';

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await resetPassword({ input: { token: textOf(formData, 'token'), password: textOf(formData, 'password') }, request: await requestInfo() });
  } catch (error) {
    return failed(error);
  }
  return succeeded('Your password is changed.');
}
