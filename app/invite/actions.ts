'use server';
// Accepting an invitation: the invited person chooses a password (and may correct their name). A language
// they chose with the switcher before accepting (its cookie) becomes their profile's, else the invitation's.
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';

import { acceptInvitation } from '../../lib/auth/accept-invitation';
import { LOCALE_COOKIE } from '../../lib/i18n/locales';
import { failed, requestInfo, succeeded, textOf, valuesOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export async function acceptInvitationAction(_previous: FormState<{ email: string }>, formData: FormData): Promise<FormState<{ email: string }>> {
  const values = valuesOf(formData, ['name']);
  try {
    const name = values.name!.trim();
    const { email } = await acceptInvitation({
      input: { token: textOf(formData, 'token'), name: name ? name : undefined, password: textOf(formData, 'password') },
      request: await requestInfo(),
      chosenLocale: (await cookies()).get(LOCALE_COOKIE)?.value,
    });
    return succeeded((await getTranslations('invitation'))('ready'), { email });
  } catch (error) {
    return failed(error, values);
  }
}
