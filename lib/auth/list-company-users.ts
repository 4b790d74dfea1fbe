// The people of the actor's company (and its open invitations), for company administrators; platform
// administrators see officers and administrators.
import { getDb } from '../db';
import type { Actor } from './actor';
import { assertPerson, isCompanyAdministrator, isPlatformAdmin } from './policy';
import { authError } from './auth-error';

export async function listCompanyUsers(options: { actor: Actor }) {
  const { actor } = options;
  assertPerson(actor, 'list users');
  const where = isPlatformAdmin(actor) ? { companyId: null } : isCompanyAdministrator(actor) ? { companyId: actor.companyId } : null;
  if (!where) throw authError('FORBIDDEN', 'auth.companyUsersForbidden');
  const db = getDb();
  const [users, invitations] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ name: 'asc' }], select: { id: true, email: true, name: true, role: true, isCompanyAdmin: true, lastSignInAt: true, disabledAt: true, createdAt: true } }),
    db.invitation.findMany({ where: { ...where, acceptedAt: null, revokedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, email: true, name: true, role: true, isCompanyAdmin: true, expiresAt: true, createdAt: true } }),
  ]);
  return { users, invitations };
}
