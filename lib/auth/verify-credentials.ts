// Checks an email and password for sign-in. Every failure gets the same answer and about the same time,
// whether the email exists or not; repeated failures back off exponentially per account (stored, so it
// holds across processes), and failures of one account from one client address are limited (rate
// limiter). Over that limit the refusal comes before any database read or password hash: an attacker
// cannot make the server pay argon2 for refused guesses, and the answer takes the same time whether or not
// the account exists. Only failures count — a success forgets the key — and the key is account + address,
// so an office behind one NAT address is not locked out by its colleagues' sign-ins or mistakes.
import { recordAudit } from '../audit';
import { getPool } from '../db';
import { getLogger } from '../logger';
import type { UserRole } from '../generated/prisma/client';
import { verifyAgainstDummy, verifyPassword } from './password';
import { getRateLimiter } from './rate-limiter';

/** Failures before an account starts to back off, and the longest pause. */
export const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;
/** Failed attempts per account and client address per quarter hour. */
export const ACCOUNT_ADDRESS_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  companyId: string | null;
  /** Goes into the session token (lib/auth/actor.ts checks it on every request). */
  sessionVersion: number;
}

export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

export async function verifyCredentials(options: { email: string; password: string; ip?: string | null; requestId?: string | null }): Promise<SignedInUser | null> {
  const email = options.email.trim().toLowerCase();
  const ip = options.ip ?? 'unknown';
  // Each attempt counts until it succeeds; a success forgets the key, so only failures add up.
  const key = `sign-in:${email}|${ip}`;
  if (!getRateLimiter().hit(key, ACCOUNT_ADDRESS_FAILURES, FAILURE_WINDOW_MS).allowed) {
    getLogger().info({ ip, requestId: options.requestId }, 'sign-in refused: too many failures for this account from this address');
    return null;
  }
  const pool = getPool();
  const { rows } = await pool.query<Omit<SignedInUser, 'sessionVersion'> & { password_hash: string | null; locked_until: Date | null; disabled_at: Date | null; company_id: string | null; session_version: number }>(
    `SELECT id, email, name, role::text AS role, company_id, password_hash, locked_until, disabled_at, session_version FROM app_user WHERE email = $1`,
    [email],
  );
  const user = rows[0];
  if (!user?.password_hash) {
    await verifyAgainstDummy(options.password);
    getLogger().info({ ip, requestId: options.requestId }, 'sign-in failed: unknown email');
    return null;
  }
  const locked = user.locked_until !== null && user.locked_until > new Date();
  // Even a locked account pays the full verification, so timing tells nothing.
  const matches = await verifyPassword(user.password_hash, options.password);
  if (!matches || locked || user.disabled_at) {
    if (!matches) {
      const { rows: updated } = await pool.query<{ failed_sign_ins: number }>(
        `UPDATE app_user SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins`,
        [user.id],
      );
      const pause = lockDurationMs(updated[0]!.failed_sign_ins);
      if (pause) await pool.query(`UPDATE app_user SET locked_until = now() + make_interval(secs => $2) WHERE id = $1`, [user.id, pause / 1000]);
    }
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.company_id, isCompanyAdmin: false, token: null, clients: [], request: { id: options.requestId ?? null, ip } };
    await recordAudit((text, params) => pool.query(text, params).then((r) => r.rows), {
      actor,
      action: 'user.sign_in_failed',
      targetType: 'user',
      targetId: user.id,
      details: { reason: !matches ? 'password' : user.disabled_at ? 'disabled' : 'paused' },
    });
    return null;
  }
  getRateLimiter().reset(key);
  await pool.query(`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = $1`, [user.id]);
  const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.company_id, isCompanyAdmin: false, token: null, clients: [], request: { id: options.requestId ?? null, ip } };
  await recordAudit((text, params) => pool.query(text, params).then((r) => r.rows), { actor, action: 'user.sign_in', targetType: 'user', targetId: user.id });
  return { id: user.id, email: user.email, name: user.name, role: user.role, companyId: user.company_id, sessionVersion: user.session_version };
}
