'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../_components/form/form-state';
import { NewPasswordField } from '../_components/form/new-password-field';
import { InputField } from '../_components/form/posted-fields';
import { changePasswordAction } from './actions';

const FIELD_IDS = { currentPassword: 'current-password', newPassword: 'new-password' };

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations('changePassword');
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate className="stacked-form" aria-describedby={state.message ? 'password-outcome' : undefined}>
      <SuccessNotice state={state} id="password-outcome" />
      <ErrorSummary state={state} id="password-outcome" fields={FIELD_IDS} />
      <InputField id={FIELD_IDS.currentPassword} name="currentPassword" label={t('currentPassword')} type="password" state={state} maxLength={200} autoComplete="current-password" />
      <NewPasswordField id={FIELD_IDS.newPassword} name="newPassword" state={state} minLength={minPasswordLength} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t('busy') : t('submit')}
        </button>
      </div>
    </form>
  );
}
