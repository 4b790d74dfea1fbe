'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

import { SIGN_IN_FAILED_MESSAGE } from '../../lib/auth/sign-in-failed-message';
import { FieldFrame } from '../_components/form/field-frame';

export function SignInForm({ callbackUrl, oidcName }: { callbackUrl: string; oidcName?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (oidcName) {
    return (
      <p>
        <button type="button" className="secondary" onClick={() => signIn('oidc', { callbackUrl })}>
          Sign in with {oidcName}
        </button>
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', { redirect: false, email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), callbackUrl });
    setBusy(false);
    if (result?.ok && !result.error) window.location.assign(callbackUrl);
    else setError(SIGN_IN_FAILED_MESSAGE);
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
      {error ? (
        <p id="signin-error" role="alert" className="error-summary">
          {error}
        </p>
      ) : null}
      <FieldFrame id="email" label="Email">
        <input id="email" name="email" type="email" autoComplete="username" required />
      </FieldFrame>
      <FieldFrame id="password" label="Password">
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </FieldFrame>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
