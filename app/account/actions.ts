'use server';
import { changePassword } from '../../lib/auth/change-password';
import { getActor } from '../session';
import { failed, succeeded, textOf } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  try {
    await changePassword({ actor, input: { currentPassword: textOf(formData, 'currentPassword'), newPassword: textOf(formData, 'newPassword') } });
  } catch (error) {
    return failed(error);
  }
  return succeeded('Your password is changed. Use the new one the next time you sign in.');
}
