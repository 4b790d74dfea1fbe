// One permit application, if the actor may see it (else null: answered as not found).
import type { Actor } from '../auth/actor';
import { assertReadScope, canReadPermitApplication } from '../auth/policy';
import { getDb } from '../db';
import type { PermitApplication } from '../generated/prisma/client';

export async function getPermitApplication(options: { actor: Actor; id: string }): Promise<PermitApplication | null> {
  assertReadScope(options.actor, 'permits:read', 'permits:write');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.id)) return null;
  const a = await getDb().permitApplication.findUnique({ where: { id: options.id } });
  return a && canReadPermitApplication(options.actor, a) && (a.status !== 'DRAFT' || a.filerCompanyId === options.actor.companyId || a.applicantId === options.actor.companyId) ? a : null;
}
