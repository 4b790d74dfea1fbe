// Who is acting: a signed-in person, or an API token acting for its company. Built once per request
// from the database (one indexed statement), so a disabled user or a revoked broker delegation stops
// working on the next request, not after a cache expires. An API token's row is kept a few seconds per
// process (token-actor-cache.ts): its revocation reaches every process by a notice from the database.
import { createHash, randomBytes } from 'node:crypto';

import { preparedSqlOfClient, type Sql } from '../database/sql';
import { getPool } from '../db';
import { getLogger } from '../logger';
import type { DelegationScope, RepresentationStatus, UserRole } from '../generated/prisma/client';
import { isScope, type Scope } from './scopes';
import { getTokenActorCache } from './token-actor-cache';
import { authError } from './auth-error';

/** A client's valid power of representation, as seen by its broker. */
export interface ClientGrant {
  clientId: string;
  scope: DelegationScope;
  representation: RepresentationStatus;
}

/** Where the request came from, for the audit trail. */
export interface RequestInfo {
  id: string | null;
  ip: string | null;
}

export interface Actor {
  /** The person; for an API token, the company admin who created it (the accountable person). */
  userId: string;
  email: string;
  name: string;
  role: UserRole;
  /** The company the user works for; null for officers and platform administrators. */
  companyId: string | null;
  isCompanyAdmin: boolean;
  /** For agency officers: the one agency they work for (lib/permits). Absent or null for everyone else. */
  agencyId?: string | null;
  /** Set when an API token acts: it acts for its company with these scopes only. */
  token: { id: string; name: string; scopes: readonly Scope[] } | null;
  /** For brokers: the clients whose delegation is valid right now. Empty for everyone else. */
  clients: readonly ClientGrant[];
  request: RequestInfo;
}

const NO_REQUEST: RequestInfo = { id: null, ip: null };

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  company_id: string | null;
  is_company_admin: boolean;
  disabled_at: Date | null;
  session_version: number;
  agency_id: string | null;
  clients: ClientGrant[];
}

// The valid grants of a broker's company ride along with the user row.
const USER_COLUMNS = `u.id, u.email, u.name, u.role::text AS role, u.company_id, u.is_company_admin, u.disabled_at, u.session_version, u.agency_id,
  CASE WHEN u.role = 'BROKER' THEN COALESCE((
    SELECT json_agg(json_build_object('clientId', g.client_id, 'scope', g.scope, 'representation', g.representation))
      FROM delegation g
     WHERE g.broker_id = u.company_id AND g.revoked_at IS NULL AND g.valid_from <= now()
       AND (g.valid_until IS NULL OR g.valid_until > now())), '[]'::json) ELSE '[]'::json END AS clients`;

const USER_BY_ID = `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1::uuid`;
const USER_BY_EMAIL = `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.email = $1`;
const TOKEN_ACTOR = `
SELECT ${USER_COLUMNS}, t.id AS token_id, t.name AS token_name, t.scopes, t.revoked_at, t.expires_at, t.company_id AS token_company_id,
       (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
  FROM api_token t JOIN app_user u ON u.id = t.created_by_id
 WHERE t.token_hash = $1`;

function toActor(row: UserRow, request: RequestInfo, token: Actor['token'] = null): Actor {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    companyId: row.company_id,
    isCompanyAdmin: row.is_company_admin,
    agencyId: row.agency_id,
    token,
    clients: row.clients,
    request,
  };
}

/**
 * The actor for a signed-in user (by id from the session, or by email for seeds and tests). A session
 * issued before the user's latest session version (sign out everywhere, password change or reset,
 * disabling) is no longer valid; the version comes with the same row, so this stays one read.
 */
export async function loadUserActor(who: { userId: string; sessionVersion?: number } | { email: string }, request: RequestInfo = NO_REQUEST): Promise<Actor> {
  const byId = 'userId' in who;
  // Every request's statement: prepared, so PostgreSQL does not plan it each time.
  const [row] = await preparedSqlOfClient(getPool())<UserRow>(byId ? USER_BY_ID : USER_BY_EMAIL, [byId ? who.userId : who.email.trim().toLowerCase()]);
  const stale = 'sessionVersion' in who && who.sessionVersion !== undefined && who.sessionVersion !== row?.session_version;
  if (!row || row.disabled_at || stale) throw authError('UNAUTHENTICATED', 'auth.sessionInvalid');
  return toActor(row, request);
}

/**
 * The actors of several people at once, in the caller's transaction (a fan-out checks the policy for every
 * endpoint and person an event may reach): one statement; disabled people are left out.
 */
export async function loadUserActors(sql: Sql, userIds: string[]): Promise<Map<string, Actor>> {
  if (!userIds.length) return new Map();
  const rows = await sql<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL`, [userIds]);
  return new Map(rows.map((row) => [row.id, toActor(row, NO_REQUEST)]));
}

export const API_TOKEN_PREFIX = 'cw_live_';

/** A new token secret: recognisable prefix + 192 random bits (base64url). */
export function newApiTokenSecret(): string {
  return API_TOKEN_PREFIX + randomBytes(24).toString('base64url');
}

/** Token secrets have 192 bits of entropy, so a plain SHA-256 is the right hash: fast to look up, infeasible to invert. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

type TokenRow = UserRow & { token_id: string; token_name: string; scopes: string[]; revoked_at: Date | null; expires_at: Date | null; token_company_id: string; stale: boolean };

/**
 * The actor for `Authorization: Bearer cw_live_…`; 401 (UNAUTHENTICATED) when unknown, revoked or expired.
 * A valid token's row is kept a few seconds (token-actor-cache.ts: revocations reach every process by a
 * notice), except a broker's, whose delegations change without one.
 */
export async function loadTokenActor(secret: string, request: RequestInfo = NO_REQUEST): Promise<Actor> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) throw authError('UNAUTHENTICATED', 'auth.notAnApiToken');
  const hash = hashSecret(secret);
  const cache = getTokenActorCache<TokenRow>();
  let row = cache?.get(hash);
  if (!row) {
    const version = cache?.version() ?? 0;
    // Every API call's statement when not cached: prepared (planning it cost 15 times running it, bench/gates.ts).
    [row] = await preparedSqlOfClient(getPool())<TokenRow>(TOKEN_ACTOR, [hash]);
    if (row && !row.revoked_at && row.role !== 'BROKER') cache?.set(hash, row.token_id, { ...row, stale: false }, version);
  }
  if (!row) throw authError('UNAUTHENTICATED', 'auth.apiTokenUnknown');
  if (row.revoked_at) throw authError('UNAUTHENTICATED', 'auth.apiTokenRevoked');
  if (row.expires_at && row.expires_at <= new Date()) throw authError('UNAUTHENTICATED', 'auth.apiTokenExpired', { expiresAt: row.expires_at.toISOString() });
  if (row.stale) {
    // "Last used" is shown to admins to the minute; writing it on every call would cost a write per request.
    getPool()
      .query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [row.token_id])
      .catch((err) => getLogger().warn({ err }, 'could not record API token use'));
  }
  // The token acts for the company it was made for, even if its creator later moved or left.
  return toActor({ ...row, company_id: row.token_company_id, is_company_admin: false }, request, {
    id: row.token_id,
    name: row.token_name,
    scopes: row.scopes.filter(isScope),
  });
}
