'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { changePassword } from '../../lib/auth/change-password';
import { signOutEverywhere } from '../../lib/auth/sign-out-everywhere';
import { endSession, getActor, renewSession } from '../session';
import { failed, succeeded, textOf } from '../_components/form/action-helpers';
import type { FormState } from '../_components/form/form-state';

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  try {
    const { sessionVersion } = await changePassword({ actor, input: { currentPassword: textOf(formData, 'currentPassword'), newPassword: textOf(formData, 'newPassword') } });
    // Every other session ended with the change; this one carries on.
    await renewSession(sessionVersion);
  } catch (error) {
    return failed(error);
  }
  return succeeded((await getTranslations('changePassword'))('done'));
}

/** Ends every session of the person, this one included, and goes to the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere({ actor: await getActor() });
  await endSession();
  redirect('/signin?signedOut=everywhere');
}
