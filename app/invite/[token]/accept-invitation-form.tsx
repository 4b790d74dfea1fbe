'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { NewPasswordField } from '../../_components/form/new-password-field';
import { InputField } from '../../_components/form/posted-fields';
import { acceptInvitationAction } from '../actions';

const FIELD_IDS = { name: 'invite-name', password: 'invite-password' };

export function AcceptInvitationForm({ token, name, minPasswordLength }: { token: string; name: string; minPasswordLength: number }) {
  const t = useTranslations('invitation');
  const [state, action, pending] = useActionState(acceptInvitationAction, INITIAL_FORM_STATE);
  if (state.ok) {
    return (
      <SuccessNotice state={state} id="invite-done">
        <p>
          {t.rich('signInAs', { email: state.result?.email ?? '', code: (chunks) => <code>{chunks}</code> })}
        </p>
        <p>
          <Link href="/signin" className="button">
            {t('signIn')}
          </Link>
        </p>
      </SuccessNotice>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.message ? 'invite-problems' : undefined}>
      <ErrorSummary state={state} id="invite-problems" fields={FIELD_IDS} />
      <input type="hidden" name="token" value={token} />
      <InputField id={FIELD_IDS.name} name="name" label={t('name')} state={state} defaultValue={name} maxLength={200} autoComplete="name" />
      <NewPasswordField id={FIELD_IDS.password} label={t('password')} state={state} minLength={minPasswordLength} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t('busy') : t('submit')}
        </button>
      </div>
    </form>
  );
}
