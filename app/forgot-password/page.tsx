import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { RESET_MINUTES } from '../../lib/auth/process-password-reset-requests';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgotPassword'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <section className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <ForgotPasswordForm minutes={RESET_MINUTES} />
      <p>
        <Link href="/signin">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}
