import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

import { findInvitation } from '../../../lib/auth/accept-invitation';
import { MIN_PASSWORD_LENGTH } from '../../../lib/auth/password';
import { AcceptInvitationForm } from './accept-invitation-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitation'))('title'), referrer: 'no-referrer' };
}
export const dynamic = 'force-dynamic';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, t, tf, format] = await Promise.all([token.length <= 200 ? findInvitation(token) : null, getTranslations('invitation'), getTranslations('format'), getFormatter()]);
  // The moment as <When> words it, passed as a string: a function value for the plain {when} argument
  // reached React as a function on this page (a 500 for every invitation link).
  const moment = (date: Date) => tf('utc', { time: format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) });

  if (!invitation || invitation.expired) {
    return (
      <section className="narrow">
        <h1>{t('invalidTitle')}</h1>
        <div className="notice notice-warn" data-testid="invitation-invalid">
          <p>
            <strong>
              {invitation ? t('expired', { when: moment(invitation.expiresAt) }) : t('unusable')}
            </strong>
          </p>
          <p>{t('askAgain')}</p>
        </div>
        <p>
          <Link href="/signin">{t('signIn')}</Link> · <Link href="/forgot-password">{t('forgot')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead" data-testid="invitation-summary">
        {t.rich('summary', {
          company: invitation.companyName ?? t('platformTeam'),
          email: invitation.email,
          strong: (chunks) => <strong>{chunks}</strong>,
          code: (chunks) => <code>{chunks}</code>,
        })}
      </p>
      <p className="hint">{t('until', { when: moment(invitation.expiresAt) })}</p>
      <AcceptInvitationForm token={token} name={invitation.name} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
