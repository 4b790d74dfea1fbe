// Who the portal acts as. Until sign-in exists, a person picks one of the seeded demo users with the
// "Acting as" switcher in the header; the choice lives in a cookie. This is the one place that reads it.
import { cookies } from 'next/headers';

import { DEFAULT_DEMO_USER, getActingUser, type Actor } from '../lib/actors/actor';
import { DEMO_USERS } from '../lib/parties/seed-demo-parties';

export const ACTING_USER_COOKIE = 'clearway_demo_user';

export type { Actor };

/** The demo users a person can act as, for the switcher. */
export const ACTING_USERS = DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role }));

export function isDemoUser(email: string | undefined): email is string {
  return !!email && DEMO_USERS.some((u) => u.email === email);
}

/** The email chosen in the switcher (an unknown or missing cookie falls back to the default trader). */
export async function getActingEmail(): Promise<string> {
  const chosen = (await cookies()).get(ACTING_USER_COOKIE)?.value;
  return isDemoUser(chosen) ? chosen : DEFAULT_DEMO_USER;
}

/** The acting user for lib/ calls (server components and server actions). */
export async function getActor(): Promise<Actor> {
  const chosen = (await cookies()).get(ACTING_USER_COOKIE)?.value;
  return getActingUser(isDemoUser(chosen) ? chosen : undefined);
}
