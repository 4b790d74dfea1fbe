'use client';
import { useActionState } from 'react';

import { ErrorSummary, InputField, SuccessNotice } from './_components/form-parts';
import { INITIAL_FORM_STATE } from './_components/form-state';
import { changePasswordAction } from './actions';

const FIELD_IDS = { currentPassword: 'current-password', newPassword: 'new-password' };

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate className="stacked-form" aria-describedby={state.message ? 'password-outcome' : undefined}>
      <SuccessNotice state={state} id="password-outcome" />
      <ErrorSummary state={state} id="password-outcome" fields={FIELD_IDS} />
      <InputField id={FIELD_IDS.currentPassword} name="currentPassword" label="Current password" type="password" state={state} maxLength={200} autoComplete="current-password" />
      <InputField
        id={FIELD_IDS.newPassword}
        name="newPassword"
        label="New password"
        type="password"
        state={state}
        minLength={minPasswordLength}
        maxLength={200}
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters.`}
      />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
