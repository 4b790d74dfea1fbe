// Signing in through the OpenID Connect provider: the provider's subject is linked to an existing
// Clearway user (matched by subject, or by verified email the first time). Nobody gets an account by
// OIDC alone: companies sign up or are invited first.
import { recordAudit } from '../audit';
import { getDb } from '../db';

/** The linked user and their session version (for the session token), or null when nobody may sign in. */
export async function linkOidcUser(options: { subject: string; email: string | null; emailVerified: boolean }): Promise<{ userId: string; sessionVersion: number } | null> {
  const db = getDb();
  const bySubject = await db.user.findUnique({ where: { oidcSubject: options.subject }, select: { id: true, disabledAt: true, sessionVersion: true } });
  if (bySubject) return bySubject.disabledAt ? null : { userId: bySubject.id, sessionVersion: bySubject.sessionVersion };
  if (!options.email || !options.emailVerified) return null;
  const byEmail = await db.user.findUnique({ where: { email: options.email.toLowerCase() }, select: { id: true, email: true, name: true, role: true, companyId: true, oidcSubject: true, disabledAt: true, sessionVersion: true } });
  if (!byEmail || byEmail.disabledAt || byEmail.oidcSubject) return null;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: byEmail.id }, data: { oidcSubject: options.subject, lastSignInAt: new Date() } });
    const actor = { userId: byEmail.id, email: byEmail.email, name: byEmail.name, role: byEmail.role, companyId: byEmail.companyId, isCompanyAdmin: false, token: null, clients: [], request: { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'user.link_oidc', targetType: 'user', targetId: byEmail.id });
  });
  return { userId: byEmail.id, sessionVersion: byEmail.sessionVersion };
}
