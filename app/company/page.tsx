import type { Metadata } from 'next';
import Link from 'next/link';

import { listCompanyUsers } from '../../lib/auth/list-company-users';
import { isBroker, isCompanyAdministrator, isPlatformAdmin } from '../../lib/auth/policy';
import { loadCompanies } from '../../lib/declarations/load-declaration-parts';
import { ROLE_LABEL } from '../account/_components/labels';
import { formatDateTime } from '../declarations/_components/format';
import { NoResults, ResultsTable } from '../_components/list/list-parts';
import { getActor } from '../session';
import { CompanyNav } from './_components/company-nav';
import { NotAllowed } from './_components/not-allowed';
import { InviteForm } from './invite-form';
import { UserActions } from './user-actions';

export const metadata: Metadata = { title: 'Company users' };
export const dynamic = 'force-dynamic';

export default async function CompanyUsersPage() {
  const actor = await getActor();
  const platform = isPlatformAdmin(actor);
  if (!platform && !isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>Company administration</h1>
        <NotAllowed actor={actor} title={actor.companyId ? 'Only administrators of your company manage its users.' : 'Customs officers belong to no company.'}>
          {actor.companyId ? (
            <p>Ask one of your company’s administrators to invite colleagues or change their rights.</p>
          ) : (
            <p>
              You can read all <Link href="/company/delegations">delegations</Link> and the <Link href="/company/audit">audit log</Link>.
            </p>
          )}
          {isBroker(actor) && (
            <p>
              Your company’s clients are listed under <Link href="/company/delegations">Delegations</Link>.
            </p>
          )}
        </NotAllowed>
      </>
    );
  }

  const [{ users, invitations }, [company]] = await Promise.all([listCompanyUsers({ actor }), actor.companyId ? loadCompanies([actor.companyId]) : Promise.resolve([null])]);

  return (
    <>
      <h1>{platform ? 'Officers and administrators' : company?.name ?? 'Your company'}</h1>
      {company && (
        <p className="muted head-facts">
          <span>EORI {company.eori}</span>
          <span>
            {company.street}, {company.postcode ? `${company.postcode} ` : ''}
            {company.city}, {company.country}
          </span>
        </p>
      )}
      <CompanyNav current="users" />

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        {users.length === 0 ? (
          <NoResults>No users yet.</NoResults>
        ) : (
          <ResultsTable labelledBy="users-heading" testId="users-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">{platform ? 'Role' : 'Administrator'}</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                      {self && <span className="muted"> (you)</span>}
                    </th>
                    <td>
                      <code>{u.email}</code>
                    </td>
                    <td>{platform ? ROLE_LABEL[u.role] : u.isCompanyAdmin ? <span className="badge badge-info">Administrator</span> : <span className="muted">No</span>}</td>
                    <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : <span className="muted">Never</span>}</td>
                    <td>
                      {u.disabledAt ? (
                        <span className="badge badge-bad" title={`Since ${formatDateTime(u.disabledAt)}`}>
                          Disabled
                        </span>
                      ) : (
                        <span className="badge badge-ok">Active</span>
                      )}
                    </td>
                    <td>
                      {self ? (
                        <span className="muted small">Another administrator can change your rights.</span>
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
          <h2 id="invitations-heading">Open invitations</h2>
          {invitations.length === 0 ? (
            <NoResults testId="no-invitations">No open invitations. People you invite appear here until they accept.</NoResults>
          ) : (
            <ul className="plain-list" data-testid="invitations">
              {invitations.map((i) => (
                <li key={i.id}>
                  <strong>{i.name}</strong> <code>{i.email}</code>
                  <br />
                  <span className="muted small">
                    {platform ? ROLE_LABEL[i.role] : i.isCompanyAdmin ? 'Administrator' : 'User'} · invited {formatDateTime(i.createdAt)} ·{' '}
                    {i.expiresAt <= new Date() ? <span className="badge badge-warn">Expired</span> : `link valid until ${formatDateTime(i.expiresAt)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{platform ? 'Invite an officer or administrator' : 'Invite a colleague'}</h2>
          <InviteForm platform={platform} companyName={company?.name ?? null} />
        </section>
      </div>
    </>
  );
}
