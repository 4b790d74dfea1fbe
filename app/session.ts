// Who is using the portal: the signed-in user from next-auth's session cookie, read the same way the API
// reads it (lib/auth/authenticate.ts). Pages that need a person call `getActor()`, which sends anyone
// else to the sign-in page and back.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { loadUserActor, type Actor } from '../lib/auth/actor';
import { sessionUserId, SESSION_COOKIES } from '../lib/auth/authenticate';
import { isAppError } from '../lib/errors';
import { CLIENT_IP_HEADER } from './auth-options';

export type { Actor };

/** Set by the Clearway HTTP server: the path and query the browser asked for. */
export const REQUEST_URL_HEADER = 'x-clearway-url';

/** The signed-in user, or null. */
export async function getOptionalActor(): Promise<Actor | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const userId = await sessionUserId(token);
  if (!userId) return null;
  const h = await headers();
  try {
    return await loadUserActor({ userId }, { id: h.get('x-request-id'), ip: h.get(CLIENT_IP_HEADER) });
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

/** The signed-in user; anyone else goes to the sign-in page, then back here. */
export async function getActor(): Promise<Actor> {
  const actor = await getOptionalActor();
  if (actor) return actor;
  const here = (await headers()).get(REQUEST_URL_HEADER) ?? '/declarations';
  redirect(`/signin?callbackUrl=${encodeURIComponent(here.startsWith('/') ? here : '/declarations')}`);
}
