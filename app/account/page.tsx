import type { Metadata } from 'next';
import Link from 'next/link';

import { MIN_PASSWORD_LENGTH } from '../../lib/auth/password';
import { loadCompanies, loadUsers } from '../../lib/declarations/load-declaration-parts';
import { formatDateTime } from '../declarations/_components/format';
import { getActor } from '../session';
import { ROLE_LABEL } from './_components/labels';
import { signOutEverywhereAction } from './actions';
import { ChangePasswordForm } from './change-password-form';
import { canAdministerCompany } from '../../lib/auth/policy';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const actor = await getActor();
  const [[company], [user]] = await Promise.all([actor.companyId ? loadCompanies([actor.companyId]) : Promise.resolve([null]), loadUsers([actor.userId])]);
  return (
    <>
      <h1>Your account</h1>
      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <dl className="facts facts-stacked" data-testid="profile">
            <div>
              <dt>Name</dt>
              <dd>{actor.name}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>
                <code>{actor.email}</code>
              </dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                {ROLE_LABEL[actor.role]}
                {actor.isCompanyAdmin ? ', company administrator' : ''}
              </dd>
            </div>
            <div>
              <dt>Company</dt>
              <dd>
                {company ? (
                  <>
                    {company.name} <span className="muted">(EORI {company.eori})</span>
                  </>
                ) : (
                  <span className="muted">None: officers and platform administrators work for no company.</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Member since</dt>
              <dd>{formatDateTime(user?.createdAt)}</dd>
            </div>
          </dl>
          <p className="hint">
            To change your name or email, ask {actor.companyId ? 'an administrator of your company' : 'a platform administrator'}.
            {canAdministerCompany(actor) ? (
              <>
                {' '}
                You manage your colleagues on the <Link href="/company">Company</Link> page.
              </>
            ) : null}
          </p>
        </section>
        <section className="panel" aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </section>
        <section className="panel" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <p className="hint">Signed in on a computer you no longer use, or lost a phone? End every session of your account, this one included.</p>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="secondary">
              Sign out everywhere
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
