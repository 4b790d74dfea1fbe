import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { canAdministerCompany, canSeeRiskDetails, isAgencyOfficer, isBroker, isFilerRole, isOfficer, isPlatformAdmin } from '../lib/auth/policy';
import { canReadScans } from '../lib/scans/scan-access';
import { countUnreadNotifications } from '../lib/notifications/count-unread-notifications';
import type { Actor } from './session';
import { SignOutButton } from './sign-out-button';

/** The header's account area: who is signed in, and their account links. */
export async function UserMenu({ actor }: { actor: Actor | null }) {
  const t = await getTranslations('userMenu');
  if (!actor) {
    return (
      <div className="user-menu">
        <Link href="/signin">{t('signIn')}</Link> <Link href="/signup">{t('register')}</Link>
      </div>
    );
  }
  const [unread, tp] = await Promise.all([countUnreadNotifications({ actor }), getTranslations('partnerLinks')]);
  return (
    <div className="user-menu">
      {/* The link's name is its visible text ("Inbox 3") plus hidden words ("unread messages"), never a
          different aria-label: speech users say what they see (WCAG 2.5.3). */}
      <Link href="/notifications" data-testid="inbox-link">
        {t('inbox')}
        {unread ? (
          <>
            {' '}
            <span className="chip-count" data-testid="unread-count">{unread}</span>
            <span className="visually-hidden"> {t('inboxUnread', { count: unread })}</span>
          </>
        ) : null}
      </Link>{' '}
      <span>
        <strong>{actor.name}</strong>{' '}
        <span className="muted">
          ({t(`role.${actor.role}`)}
          {actor.isCompanyAdmin ? `, ${t('companyAdmin')}` : ''})
        </span>
      </span>{' '}
      <Link href="/account">{t('account')}</Link>
      {isAgencyOfficer(actor) ? <> <Link href="/agency">{t('agencyQueue')}</Link></> : isFilerRole(actor) ? <> <Link href="/permits">{t('permits')}</Link></> : null}
      {isPlatformAdmin(actor) && <> <Link href="/admin/permits">{t('agenciesAndRules')}</Link></>}
      {isPlatformAdmin(actor) && <> <Link href="/admin/scan-partners">{t('scanPartners')}</Link></>}
      {isPlatformAdmin(actor) && <> <Link href="/admin/partner-links">{tp('navLabel')}</Link></>}
      {canSeeRiskDetails(actor) && <> <Link href="/risk">{t('riskModels')}</Link></>}
      {canReadScans(actor) && !isPlatformAdmin(actor) && <> <Link href="/scans">{t('scans')}</Link></>}
      {canAdministerCompany(actor) ? (
        <>
          {' '}
          <Link href="/company">{t('company')}</Link>
        </>
      ) : isBroker(actor) ? (
        <>
          {' '}
          <Link href="/company/delegations">{t('clients')}</Link>
        </>
      ) : isOfficer(actor) ? (
        <>
          {' '}
          <Link href="/company/delegations">{t('delegations')}</Link> <Link href="/company/audit">{t('audit')}</Link>
        </>
      ) : null}{' '}
      <SignOutButton label={t('signOut')} />
    </div>
  );
}
