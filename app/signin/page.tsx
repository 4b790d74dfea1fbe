import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { oidcConfigured } from '../auth-options';
import { resolveCallbackUrl } from '../../lib/auth/resolve-callback-url';
import { getEnv } from '../../lib/env';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin'))('title') };
}

function safeCallback(url: string | undefined): string {
  return resolveCallbackUrl(url, getEnv().PUBLIC_URL);
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> }) {
  const [{ callbackUrl, error, signedOut }, t] = await Promise.all([searchParams, getTranslations('signin')]);
  return (
    <section className="narrow">
      <h1>{t('title')}</h1>
      {error === 'NoAccount' ? (
        <p role="alert" className="error-summary">
          {t('noAccount', { provider: getEnv().OIDC_NAME })}
        </p>
      ) : null}
      {signedOut === 'everywhere' ? (
        <p role="status" className="notice notice-success" data-testid="signed-out-everywhere">
          {t('signedOutEverywhere')}
        </p>
      ) : null}
      <SignInForm callbackUrl={safeCallback(callbackUrl)} />
      {oidcConfigured() ? <SignInForm callbackUrl={safeCallback(callbackUrl)} oidcName={getEnv().OIDC_NAME} /> : null}
      <p>
        <Link href="/forgot-password">{t('forgot')}</Link> · <Link href="/signup">{t('register')}</Link>
      </p>
    </section>
  );
}
