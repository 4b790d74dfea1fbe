'use server';
// Company administration: inviting people and changing colleagues' rights. A company administrator acts
// on their company; a platform administrator on officers and platform administrators.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';

import { inviteUser } from '../../lib/auth/invite-user';
import { updateCompanyUser } from '../../lib/auth/update-company-user';
import { getActor } from '../session';
import { failed, succeeded, textOf, valuesOf } from '../_components/form/action-helpers';
import { type FormState } from '../_components/form/form-state';

export interface InvitationShown {
  email: string;
  link: string;
  expiresAt: string;
}

/** Invites a person; the link comes back to be shown once (this installation writes messages to the log). */
export async function inviteAction(_previous: FormState<InvitationShown>, formData: FormData): Promise<FormState<InvitationShown>> {
  const actor = await getActor();
  const values = valuesOf(formData, ['email', 'name', 'role', 'locale']);
  const role = values.role || undefined;
  let invitation: Awaited<ReturnType<typeof inviteUser>>;
  try {
    // The language as posted: an unknown one is the field error inviteUser gives, not a silent default.
    const locale = values.locale || undefined;
    invitation = await inviteUser({ actor, input: { email: values.email!, name: values.name!, isCompanyAdmin: formData.get('isCompanyAdmin') === 'on', role, locale } });
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath('/company');
  const email = values.email!.trim().toLowerCase();
  const t = await getTranslations('company.invite');
  return succeeded(t('done', { name: values.name!.trim() }), { email, link: invitation.link, expiresAt: invitation.expiresAt.toISOString() });
}

const CHANGES = {
  'make-admin': { input: { isCompanyAdmin: true }, done: 'madeAdmin' },
  'remove-admin': { input: { isCompanyAdmin: false }, done: 'removedAdmin' },
  disable: { input: { disabled: true }, done: 'disabled' },
  enable: { input: { disabled: false }, done: 'enabled' },
} as const;

/** One of the buttons of a user's row: the hidden userId and name, and the change (the button's value). */
export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [actor, t] = await Promise.all([getActor(), getTranslations('company.change')]);
  const key = textOf(formData, 'change');
  const change = Object.hasOwn(CHANGES, key) ? CHANGES[key as keyof typeof CHANGES] : null;
  if (!change) return { ok: false, message: t('choose'), fieldErrors: [] };
  let revokedTokens: number;
  try {
    ({ revokedTokens } = await updateCompanyUser({ actor, input: { userId: textOf(formData, 'userId'), ...change.input } }));
  } catch (error) {
    return failed(error);
  }
  revalidatePath('/company');
  const done = t(change.done, { name: textOf(formData, 'name') || t('theUser') });
  return succeeded(revokedTokens === 0 ? done : `${done} ${t('tokensRevoked', { count: revokedTokens })}`);
}
