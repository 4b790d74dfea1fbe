'use server';
import { getTranslations } from 'next-intl/server';

import { resetPassword } from '../../lib/auth/reset-password';
import { failed, requestInfo, succeeded, textOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    await resetPassword({ input: { token: textOf(formData, 'token'), password: textOf(formData, 'password') }, request: await requestInfo() });
  } catch (error) {
    return failed(error);
  }
  return succeeded((await getTranslations('resetPassword'))('done'));
}
