// The portal's session cookie, decoded for lib/auth/authenticate.ts: next-auth (v4) keeps the session in
// an encrypted JWT cookie, and this transport file is the one place outside app/ that knows its name and
// format. The cookie is `__Secure-` prefixed (and Secure) when PUBLIC_URL is https, as next-auth is told
// in app/auth-options.ts; only that one name is read, so a cookie tossed in over plain http is ignored.
import { decode } from 'next-auth/jwt';

import { getAuthSecret } from '../lib/auth/get-auth-secret';
import type { SessionClaims } from '../lib/auth/authenticate';
import { getEnv } from '../lib/env';

/** Whether the portal is served over https (then cookies are Secure and `__Secure-` prefixed). */
export function usesSecureCookies(): boolean {
  return new URL(getEnv().PUBLIC_URL).protocol === 'https:';
}

/** next-auth's session cookie name for this deployment. */
export function sessionCookieName(): string {
  return `${usesSecureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

/** The claims inside a session token, or null when it is not valid (expired, forged, old secret). */
export async function decodeSession(token: string): Promise<SessionClaims | null> {
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    if (typeof payload?.sub !== 'string') return null;
    // Sessions issued before session versions existed carry none: they belong to version 0.
    return { userId: payload.sub, sessionVersion: typeof payload.sv === 'number' ? payload.sv : 0, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined };
  } catch {
    return null;
  }
}

/** The session in a Cookie header, decoded; null when there is none or it is not valid. */
export async function readSession(cookieHeader: string | null | undefined): Promise<SessionClaims | null> {
  const token = sessionToken(cookieHeader);
  return token ? decodeSession(token) : null;
}

function sessionToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) cookies.set(part.slice(0, i).trim(), safeDecode(part.slice(i + 1).trim()));
  }
  const name = sessionCookieName();
  const whole = cookies.get(name);
  if (whole) return whole;
  // next-auth splits cookies over 4 kB into name.0, name.1, …
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join('') : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
