'use client';
import Link from 'next/link';
import { useActionState } from 'react';

import { ErrorSummary, SuccessNotice } from '../_components/form/form-outcome';
import { INITIAL_FORM_STATE } from '../_components/form/form-state';
import { InputField } from '../_components/form/posted-fields';
import { requestPasswordResetAction } from './actions';

export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const [state, action, pending] = useActionState(requestPasswordResetAction, INITIAL_FORM_STATE);
  if (state.ok) {
    return (
      <SuccessNotice state={state} id="forgot-done">
        <p>The link lets you choose a new password; it works once, for {minutes} minutes. Nothing arrived? Check the address and ask again.</p>
        <p className="hint">
          In this installation, messages are not emailed: they wait in the outbox (never in the server log, which must not hold live links).
          Ask your Clearway operator for the link.
        </p>
        <p>
          <Link href="/signin">Back to sign in</Link>
        </p>
      </SuccessNotice>
    );
  }
  return (
    <form action={action} noValidate aria-describedby={state.message ? 'forgot-problems' : undefined}>
      <ErrorSummary state={state} id="forgot-problems" fields={{ email: 'forgot-email' }} />
      <InputField id="forgot-email" name="email" label="Email" type="email" state={state} maxLength={254} autoComplete="username" hint="The address you sign in with." />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send me a reset link'}
        </button>
      </div>
    </form>
  );
}
