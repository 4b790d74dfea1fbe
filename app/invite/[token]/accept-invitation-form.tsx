'use client';
import Link from 'next/link';
import { useActionState } from 'react';

import { ErrorSummary, InputField, SuccessNotice } from '../../account/_components/form-parts';
import { INITIAL_FORM_STATE } from '../../account/_components/form-state';
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
      <InputField
        id={FIELD_IDS.password}
        name="password"
        label="Choose a password"
        type="password"
        state={state}
        minLength={minPasswordLength}
        maxLength={200}
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters.`}
      />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Creating your account…' : 'Create my account'}
        </button>
      </div>
    </form>
  );
}
