import type { Metadata } from 'next';
import Link from 'next/link';

import { oidcConfigured } from '../auth-options';
import { resolveCallbackUrl } from '../../lib/auth/resolve-callback-url';
import { getEnv } from '../../lib/env';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

function safeCallback(url: string | undefined): string {
  return resolveCallbackUrl(url, getEnv().PUBLIC_URL);
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> }) {
  const { callbackUrl, error, signedOut } = await searchParams;
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {error === 'NoAccount' ? (
        <p role="alert" className="error-summary">
          Your {getEnv().OIDC_NAME} account is not linked to a Clearway user. Ask your company administrator for an invitation to the
          same email address.
        </p>
      ) : null}
      {signedOut === 'everywhere' ? (
        <p role="status" className="notice notice-success" data-testid="signed-out-everywhere">
          You are signed out on every device.
        </p>
      ) : null}
      <SignInForm callbackUrl={safeCallback(callbackUrl)} />
      {oidcConfigured() ? <SignInForm callbackUrl={safeCallback(callbackUrl)} oidcName={getEnv().OIDC_NAME} /> : null}
      <p>
        <Link href="/forgot-password">Forgot your password?</Link> · <Link href="/signup">Register a company</Link>
      </p>
    </section>
  );
}
