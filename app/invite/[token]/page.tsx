import type { Metadata } from 'next';
import Link from 'next/link';

import { findInvitation } from '../../../lib/auth/accept-invitation';
import { MIN_PASSWORD_LENGTH } from '../../../lib/auth/password';
import { formatDateTime } from '../../declarations/_components/format';
import { AcceptInvitationForm } from './accept-invitation-form';

export const metadata: Metadata = { title: 'Accept your invitation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findInvitation(token) : null;

  if (!invitation || invitation.expired) {
    return (
      <section className="narrow">
        <h1>Invitation link not valid</h1>
        <div className="notice notice-warn" data-testid="invitation-invalid">
          <p>
            <strong>
              {invitation
                ? `This invitation expired on ${formatDateTime(invitation.expiresAt)}.`
                : 'This invitation link cannot be used: it was already used, withdrawn, or is mistyped.'}
            </strong>
          </p>
          <p>Ask the person who invited you for a new invitation. If you already created your account, sign in.</p>
        </div>
        <p>
          <Link href="/signin">Sign in</Link> · <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>Accept your invitation</h1>
      <p className="lead" data-testid="invitation-summary">
        You are invited to join <strong>{invitation.companyName ?? 'the Clearway customs and platform team'}</strong> in Clearway as <code>{invitation.email}</code>.
      </p>
      <p className="hint">The link works once, until {formatDateTime(invitation.expiresAt)}.</p>
      <AcceptInvitationForm token={token} name={invitation.name} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
