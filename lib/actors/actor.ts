// Who is acting. Until sign-in exists (the Identity capability), the acting user is one of the seeded
// users, chosen by email; this module is the one place to replace when real identities arrive.
import { getDb } from '../db';
import { AppError } from '../errors';
import type { UserRole } from '../generated/prisma/client';

export interface Actor {
  userId: string;
  email: string;
  role: UserRole;
  /** The company the user works for; null for officers and platform administrators. */
  companyId: string | null;
}

/** The demo trader who acts when a request names nobody. */
export const DEFAULT_DEMO_USER = 'trader@rotterdam-importers.example';

// Every API request names its user; a user's role and company change rarely, so they are kept for a
// few seconds per process instead of costing a query per request.
const TTL_MS = 10_000;
const cache = new Map<string, { at: number; actor: Actor }>();

export async function getActingUser(email: string | undefined): Promise<Actor> {
  const wanted = (email ?? DEFAULT_DEMO_USER).trim().toLowerCase();
  const hit = cache.get(wanted);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.actor;
  const user = await getDb().user.findUnique({ where: { email: wanted }, select: { id: true, email: true, role: true, companyId: true } });
  if (!user) throw new AppError('UNAUTHENTICATED', `No user ${wanted}. Until sign-in exists, act as one of the demo users listed in the README.`);
  const actor: Actor = { userId: user.id, email: user.email, role: user.role, companyId: user.companyId };
  if (cache.size > 10_000) cache.clear();
  cache.set(wanted, { at: Date.now(), actor });
  return actor;
}
