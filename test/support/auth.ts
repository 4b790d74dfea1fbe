// Credentials for tests that go through the HTTP server: a real next-auth session cookie (encrypted
// with the process's secret, as the sign-in endpoint makes it) or a real API token created by a
// company administrator.
import { encode } from 'next-auth/jwt';

import { loadUserActor } from '../../lib/auth/actor';
import { getAuthSecret } from '../../lib/auth/get-auth-secret';
import { createApiToken } from '../../lib/auth/create-api-token';
import { getPool } from '../../lib/db';
import type { Scope } from '../../lib/auth/scopes';
import { sessionCookieName } from '../../graphql/read-session';

/** Headers that make a request as this (seeded) user, with a session issued now (at the user's current session version). */
export async function asUser(email: string): Promise<Record<string, string>> {
  const actor = await loadUserActor({ email });
  const { rows } = await getPool().query<{ session_version: number }>(`SELECT session_version FROM app_user WHERE id = $1`, [actor.userId]);
  const token = await encode({ token: { sub: actor.userId, email: actor.email, sv: rows[0]!.session_version }, secret: getAuthSecret() });
  return { cookie: `${sessionCookieName()}=${token}` };
}

/** An API token of the admin's company with these scopes, as an Authorization header. */
export async function asToken(adminEmail: string, scopes: Scope[], options: { expiresAt?: Date } = {}): Promise<{ headers: Record<string, string>; id: string; secret: string }> {
  const admin = await loadUserActor({ email: adminEmail });
  const { id, secret } = await createApiToken({ actor: admin, input: { name: `test ${scopes.join(' ')}`, scopes, expiresAt: options.expiresAt } });
  return { headers: { authorization: `Bearer ${secret}` }, id, secret };
}
