// Who sent an HTTP request, from its headers alone (no HTTP framework here): an API token
// (`Authorization: Bearer cw_live_…`) or a portal session cookie (next-auth's encrypted JWT). Null means
// anonymous; a token that is unknown, revoked or expired is an error (401), never anonymous.
import { decode } from 'next-auth/jwt';

import { AppError } from '../errors';
import { loadTokenActor, loadUserActor, type Actor, type RequestInfo } from './actor';
import { getAuthSecret } from './auth-secret';

/** next-auth's session cookie names (the __Secure- one on https). */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

export async function authenticate(headers: { authorization?: string | null; cookie?: string | null }, request: RequestInfo): Promise<Actor | null> {
  const auth = headers.authorization?.trim();
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new AppError('UNAUTHENTICATED', 'Send an API token as "Authorization: Bearer cw_live_…".');
    return loadTokenActor(match[1]!, request);
  }
  const session = sessionCookie(headers.cookie);
  if (!session) return null;
  const userId = await sessionUserId(session);
  return userId ? loadUserActor({ userId }, request) : null;
}

/** The user id inside a session token, or null when it is not valid (expired, forged, old secret). */
export async function sessionUserId(token: string): Promise<string | null> {
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    return typeof payload?.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

function sessionCookie(header: string | null | undefined): string | null {
  if (!header) return null;
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) cookies.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    // next-auth splits cookies over 4 kB into name.0, name.1, …
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join('');
  }
  return null;
}
