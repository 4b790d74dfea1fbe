// Who is using the portal: the signed-in user from next-auth's session cookie, read the same way the API
// reads it (graphql/read-session.ts). Pages that need a person call `getActor()`, which sends anyone
// else to the sign-in page and back.
import { decode, encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { decodeSession, sessionCookieName, usesSecureCookies } from '../graphql/read-session';
import { loadUserActor, type Actor } from '../lib/auth/actor';
import { getAuthSecret } from '../lib/auth/get-auth-secret';
import { isAppError } from '../lib/errors';
import { CLIENT_IP_HEADER, SESSION_HOURS } from './auth-options';

export type { Actor };

/** Set by the Clearway HTTP server: the path and query the browser asked for. */
export const REQUEST_URL_HEADER = 'x-clearway-url';

/**
 * The session cookie, decoded once per request: the layout (header, expiry warning) and the page both ask,
 * and each decode is a JWE decryption. `cache` is per server render; in server actions it passes through.
 */
const readSession = cache(async () => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? await decodeSession(token) : null;
});

/** The signed-in user, or null; looked up once per request (the layout and the page both ask). */
export const getOptionalActor = cache(async (): Promise<Actor | null> => {
  const session = await readSession();
  if (!session) return null;
  const h = await headers();
  try {
    return await loadUserActor(session, { id: h.get('x-request-id'), ip: h.get(CLIENT_IP_HEADER) });
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
});

/** When this browser's session ends (ms since the epoch), or null when nobody is signed in. */
export async function getSessionExpiry(): Promise<number | null> {
  return (await readSession())?.expiresAt ?? null;
}

/** The signed-in user; anyone else goes to the sign-in page, then back here. */
export async function getActor(): Promise<Actor> {
  const actor = await getOptionalActor();
  if (actor) return actor;
  const here = (await headers()).get(REQUEST_URL_HEADER) ?? '/declarations';
  redirect(`/signin?callbackUrl=${encodeURIComponent(here.startsWith('/') ? here : '/declarations')}`);
}

/**
 * After the user's own password change (which ends every session), this browser's session carries on
 * under the new session version: the cookie is re-issued as next-auth would issue it.
 */
export async function renewSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  const current = jar.get(name)?.value;
  const payload = current ? await decode({ token: current, secret: getAuthSecret() }).catch(() => null) : null;
  if (!payload) return;
  const maxAge = SESSION_HOURS * 3600;
  const token = await encode({ token: { ...payload, sv: sessionVersion }, secret: getAuthSecret(), maxAge });
  jar.set(name, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: usesSecureCookies(), maxAge });
}

/** Ends this browser's session (after "sign out everywhere"). */
export async function endSession(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
