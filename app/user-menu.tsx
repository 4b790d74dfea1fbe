import Link from 'next/link';

import { canAdministerCompany, isBroker, isOfficer } from '../lib/auth/policy';
import { countUnreadNotifications } from '../lib/notifications/count-unread-notifications';
import { getOptionalActor } from './session';
import { SignOutButton } from './sign-out-button';

const ROLE_LABEL = { TRADER: 'trader', BROKER: 'customs broker', OFFICER: 'customs officer', ADMIN: 'platform administrator', AGENCY_OFFICER: 'agency officer', TERMINAL_OPERATOR: 'terminal operator' } as const;

/** The header's account area: who is signed in, and their account links. */
export async function UserMenu() {
  const actor = await getOptionalActor();
  if (!actor) {
    return (
      <div className="user-menu">
        <Link href="/signin">Sign in</Link> <Link href="/signup">Register a company</Link>
      </div>
    );
  }
  const unread = await countUnreadNotifications({ actor });
  return (
    <div className="user-menu">
      <Link href="/notifications" data-testid="inbox-link" aria-label={`Inbox, ${unread} unread`}>
        Inbox{unread ? <span className="chip-count" data-testid="unread-count">{unread}</span> : null}
      </Link>{' '}
      <span>
        <strong>{actor.name}</strong> <span className="muted">({ROLE_LABEL[actor.role]}{actor.isCompanyAdmin ? ', company admin' : ''})</span>
      </span>{' '}
      <Link href="/account">Account</Link>
      {canAdministerCompany(actor) ? (
        <>
          {' '}
          <Link href="/company">Company</Link>
        </>
      ) : isBroker(actor) ? (
        <>
          {' '}
          <Link href="/company/delegations">Clients</Link>
        </>
      ) : isOfficer(actor) ? (
        <>
          {' '}
          <Link href="/company/delegations">Delegations</Link> <Link href="/company/audit">Audit log</Link>
        </>
      ) : null}{' '}
      <SignOutButton />
    </div>
  );
}
