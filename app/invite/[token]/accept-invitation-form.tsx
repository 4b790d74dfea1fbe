'use client';
import Link from 'next/link';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../../_components/form/form-state';
import { NewPasswordField } from '../../_components/form/new-password-field';
import { InputField } from '../../_components/form/posted-fields';
import { acceptInvitationAction } from '../actions';

const FIELD_IDS = { name: 'invite-name', password: 'invite-password' };

export function AcceptInvitationForm({ token, name, minPasswordLength }: { token: string; name: string; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, INITIAL_FORM_STATE);
  if (state.ok) {
    return (
      <SuccessNotice state={state} id="invite-done">
        <p>
          Sign in as <code>{state.result?.email}</code> with the password you chose.
        </p>
        <p>
          <Link href="/signin" className="button">
            Sign in
          </Link>
        </p>
      </SuccessNotice>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.message ? 'invite-problems' : undefined}>
      <ErrorSummary state={state} id="invite-problems" fields={FIELD_IDS} />
      <input type="hidden" name="token" value={token} />
      <InputField id={FIELD_IDS.name} name="name" label="Your name" state={state} defaultValue={name} maxLength={200} autoComplete="name" />
      <NewPasswordField id={FIELD_IDS.password} label="Choose a password" state={state} minLength={minPasswordLength} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Creating your account…' : 'Create my account'}
        </button>
      </div>
    </form>
  );
}
