// Who sent a request: an API token (`Authorization: Bearer cw_live_…`) or a portal session, which the
// transport has already decoded from its cookie (graphql/read-session.ts knows next-auth; lib does not).
// Null means anonymous; a token that is unknown, revoked or expired is an error (401), never anonymous.
import { loadTokenActor, loadUserActor, type Actor, type RequestInfo } from './actor';
import { authError } from './auth-error';

/** What a valid portal session says: whose it is, and the user's session version when it was issued. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** When the session cookie expires (ms since the epoch), for the portal's expiry warning. */
  expiresAt?: number;
}

export async function authenticate(credentials: { authorization?: string | null; session?: SessionClaims | null }, request: RequestInfo): Promise<Actor | null> {
  const auth = credentials.authorization?.trim();
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw authError('UNAUTHENTICATED', 'auth.bearerTokenRequired');
    return loadTokenActor(match[1]!, request);
  }
  return credentials.session ? loadUserActor(credentials.session, request) : null;
}
