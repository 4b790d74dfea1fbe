'use server';
// Accepting an invitation: the invited person chooses a password (and may correct their name).
import { getTranslations } from 'next-intl/server';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export async function acceptInvitationAction(_previous: FormState<{ email: string }>, formData: FormData): Promise<FormState<{ email: string }>> {
  const values = valuesOf(formData, ['name']);
  try {
    const name = values.name!.trim();
    const { email } = await acceptInvitation({
      input: { token: textOf(formData, 'token'), name: name ? name : undefined, password: textOf(formData, 'password') },
      request: await requestInfo(),
    });
    return succeeded((await getTranslations('invitation'))('ready'), { email });
  } catch (error) {
    return failed(error, values);
  }
}
