import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { MIN_PASSWORD_LENGTH } from '../../lib/auth/password';
import { loadCompanies, loadUsers } from '../../lib/declarations/load-declaration-parts';
import { When } from '../_i18n/when';
import { getActor } from '../session';
import { signOutEverywhereAction } from './actions';
import { ChangePasswordForm } from './change-password-form';
import { canAdministerCompany } from '../../lib/auth/policy';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const [actor, t] = await Promise.all([getActor(), getTranslations('account')]);
  const [[company], [user]] = await Promise.all([actor.companyId ? loadCompanies([actor.companyId]) : Promise.resolve([null]), loadUsers([actor.userId])]);
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('profile')}</h2>
          <dl className="facts facts-stacked" data-testid="profile">
            <div>
              <dt>{t('name')}</dt>
              <dd>{actor.name}</dd>
            </div>
            <div>
              <dt>{t('email')}</dt>
              <dd>
                <code>{actor.email}</code>
              </dd>
            </div>
            <div>
              <dt>{t('role')}</dt>
              <dd>
                {t(`roleName.${actor.role}`)}
                {actor.isCompanyAdmin ? t('companyAdministrator') : ''}
              </dd>
            </div>
            <div>
              <dt>{t('company')}</dt>
              <dd>
                {company ? (
                  <>
                    {company.name} <span className="muted">({t('eori', { eori: company.eori })})</span>
                  </>
                ) : (
                  <span className="muted">{t('noCompany')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('memberSince')}</dt>
              <dd>
                <When date={user?.createdAt} />
              </dd>
            </div>
          </dl>
          <p className="hint">
            {t('changeName', { who: actor.companyId ? 'company' : 'platform' })}
            {canAdministerCompany(actor) ? <> {t.rich('manageColleagues', { link: (chunks) => <Link href="/company">{chunks}</Link> })}</> : null}
          </p>
        </section>
        <section className="panel" aria-labelledby="password-heading">
          <h2 id="password-heading">{t('changePassword')}</h2>
          <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </section>
        <section className="panel" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t('sessions')}</h2>
          <p className="hint">{t('sessionsHint')}</p>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="secondary">
              {t('signOutEverywhere')}
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
