import type { Metadata } from 'next';
import Link from 'next/link';

import { MIN_PASSWORD_LENGTH } from '../../../lib/auth/password';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the address: keep it out of the Referer of any link followed from here.
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      <p className="lead">The link works once. After the change, sign in with your new password.</p>
      <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </section>
  );
}
