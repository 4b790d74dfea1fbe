import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

import { listCompanyUsers } from '../../lib/auth/list-company-users';
import { isBroker, isCompanyAdministrator, isPlatformAdmin } from '../../lib/auth/policy';
import { loadCompanies } from '../../lib/declarations/load-declaration-parts';
import { When } from '../_i18n/when';
import { NoResults, ResultsTable } from '../_components/list/list-parts';
import { getActor } from '../session';
import { CompanyNav } from './_components/company-nav';
import { NotAllowed } from './_components/not-allowed';
import { InviteForm } from './invite-form';
import { UserActions } from './user-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('company'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function CompanyUsersPage() {
  const [actor, t, account, format] = await Promise.all([getActor(), getTranslations('company'), getTranslations('account'), getFormatter()]);
  const platform = isPlatformAdmin(actor);
  if (!platform && !isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>{t('administration')}</h1>
        <NotAllowed actor={actor} title={actor.companyId ? t('onlyAdmins') : t('noCompany')}>
          {actor.companyId ? (
            <p>{t('askAdmin')}</p>
          ) : (
            <p>
              {t.rich('officialReads', {
                delegations: (chunks) => <Link href="/company/delegations">{chunks}</Link>,
                audit: (chunks) => <Link href="/company/audit">{chunks}</Link>,
              })}
            </p>
          )}
          {isBroker(actor) && (
            <p>{t.rich('brokerClients', { link: (chunks) => <Link href="/company/delegations">{chunks}</Link> })}</p>
          )}
        </NotAllowed>
      </>
    );
  }

  const [{ users, invitations }, [company]] = await Promise.all([listCompanyUsers({ actor }), actor.companyId ? loadCompanies([actor.companyId]) : Promise.resolve([null])]);

  return (
    <>
      <h1>{platform ? t('platformTitle') : (company?.name ?? t('yourCompany'))}</h1>
      {company && (
        <p className="muted head-facts">
          <span>{t('eori', { eori: company.eori })}</span>
          <span>
            {company.street}, {company.postcode ? `${company.postcode} ` : ''}
            {company.city}, {company.country}
          </span>
        </p>
      )}
      <CompanyNav current="users" />

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t('users')}</h2>
        {users.length === 0 ? (
          <NoResults>{t('noUsers')}</NoResults>
        ) : (
          <ResultsTable labelledBy="users-heading" testId="users-table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{platform ? t('role') : t('administrator')}</th>
                <th scope="col">{t('lastSignIn')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const self = u.id === actor.userId;
                return (
                  <tr key={u.id} data-email={u.email}>
                    <th scope="row">
                      {u.name}
                      {self && <span className="muted">{t('you')}</span>}
                    </th>
                    <td>
                      <code>{u.email}</code>
                    </td>
                    <td>{platform ? account(`roleName.${u.role}`) : u.isCompanyAdmin ? <span className="badge badge-info">{t('administrator')}</span> : <span className="muted">{t('no')}</span>}</td>
                    <td>{u.lastSignInAt ? <When date={u.lastSignInAt} /> : <span className="muted">{t('never')}</span>}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="badge badge-bad" title={t('since', { when: format.dateTime(u.disabledAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) })}>
                          {t('disabled')}
                        </span>
                      ) : (
                        <span className="badge badge-ok">{t('active')}</span>
                      )}
                    </td>
                    <td>
                      {self ? (
                        <span className="muted small">{t('selfHint')}</span>
                      ) : (
                        <UserActions userId={u.id} name={u.name} isAdmin={u.isCompanyAdmin} disabled={!!u.disabledAt} canToggleAdmin={!platform} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ResultsTable>
        )}
      </section>

      <div className="two-columns company-columns">
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('openInvitations')}</h2>
          {invitations.length === 0 ? (
            <NoResults testId="no-invitations">{t('noInvitations')}</NoResults>
          ) : (
            <ul className="plain-list" data-testid="invitations">
              {invitations.map((i) => (
                <li key={i.id}>
                  <strong>{i.name}</strong> <code>{i.email}</code>
                  <br />
                  <span className="muted small">
                    {platform ? account(`roleName.${i.role}`) : i.isCompanyAdmin ? t('administrator') : t('user')} · {t.rich('invited', { when: () => <When date={i.createdAt} /> })} ·{' '}
                    {i.expiresAt <= new Date() ? <span className="badge badge-warn">{t('expired')}</span> : t.rich('validUntil', { when: () => <When date={i.expiresAt} /> })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{platform ? t('inviteOfficer') : t('inviteColleague')}</h2>
          <InviteForm platform={platform} companyName={company?.name ?? null} />
        </section>
      </div>
    </>
  );
}
