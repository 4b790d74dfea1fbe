'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

import { FieldFrame } from '../_components/form/field-frame';

export function SignInForm({ callbackUrl, oidcName }: { callbackUrl: string; oidcName?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations('signin');

  if (oidcName) {
    return (
      <p>
        <button type="button" className="secondary" onClick={() => signIn('oidc', { callbackUrl })}>
          {t('withProvider', { provider: oidcName })}
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
    else setError(t('failed'));
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
      {error ? (
        <p id="signin-error" role="alert" className="error-summary">
          {error}
        </p>
      ) : null}
      <FieldFrame id="email" label={t('email')}>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </FieldFrame>
      <FieldFrame id="password" label={t('password')}>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </FieldFrame>
      <button type="submit" disabled={busy}>
        {busy ? t('busy') : t('submit')}
      </button>
    </form>
  );
}
