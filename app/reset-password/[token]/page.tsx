import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { MIN_PASSWORD_LENGTH } from '../../../lib/auth/password';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the address: keep it out of the Referer of any link followed from here.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword'))('title'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t, back] = await Promise.all([params, getTranslations('resetPassword'), getTranslations('forgotPassword')]);
  return (
    <section className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p>
        <Link href="/signin">{back('backToSignIn')}</Link>
      </p>
    </section>
  );
}
