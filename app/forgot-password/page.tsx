import type { Metadata } from 'next';
import Link from 'next/link';

import { RESET_MINUTES } from '../../lib/auth/process-password-reset-requests';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <section className="narrow">
      <h1>Forgot your password?</h1>
      <p className="lead">Give the email address you sign in with, and we send you a link to choose a new password.</p>
      <ForgotPasswordForm minutes={RESET_MINUTES} />
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </section>
  );
}
