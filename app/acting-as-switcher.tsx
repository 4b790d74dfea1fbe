// The "Acting as" switcher in the header: a plain form posting to a server action (works without
// JavaScript too). Until sign-in exists, this is how a person chooses whose eyes the portal uses.
import { ACTING_USERS, getActingEmail } from './acting-user';
import { switchActingUser } from './actions';

const ROLE_LABEL: Record<string, string> = { TRADER: 'trader', BROKER: 'broker', OFFICER: 'customs officer', ADMIN: 'administrator' };

export async function ActingAsSwitcher() {
  const email = await getActingEmail();
  return (
    <form action={switchActingUser} className="acting-as" data-testid="acting-as" data-acting-as={email}>
      <label htmlFor="acting-as-email">Acting as</label>
      <select id="acting-as-email" name="email" defaultValue={email} key={email}>
        {ACTING_USERS.map((u) => (
          <option key={u.email} value={u.email} title={u.email}>
            {u.name} ({ROLE_LABEL[u.role] ?? u.role})
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary">
        Switch
      </button>
    </form>
  );
}
