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

export async function getActingUser(email: string | undefined): Promise<Actor> {
  const wanted = (email ?? DEFAULT_DEMO_USER).trim().toLowerCase();
  const user = await getDb().user.findUnique({ where: { email: wanted }, select: { id: true, email: true, role: true, companyId: true } });
  if (!user) throw new AppError('UNAUTHENTICATED', `No user ${wanted}. Until sign-in exists, act as one of the demo users listed in the README.`);
  return { userId: user.id, email: user.email, role: user.role, companyId: user.companyId };
}
