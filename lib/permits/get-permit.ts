// One permit (by id or number), if the actor may see its application: the holder, its agency, customs.
import type { Actor } from '../auth/actor';
import { assertReadScope, canReadPermitApplication } from '../auth/policy';
import { getDb } from '../db';
import type { Permit } from '../generated/prisma/client';

export async function getPermit(options: { actor: Actor; id?: string | null; number?: string | null }): Promise<Permit | null> {
  assertReadScope(options.actor, 'permits:read', 'permits:write');
  const { id, number } = options;
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  if (!id && !number) return null;
  const p = await getDb().permit.findUnique({ where: id ? { id } : { number: number! }, include: { application: { select: { agencyId: true, applicantId: true, filerCompanyId: true } } } });
  if (!p || !canReadPermitApplication(options.actor, p.application)) return null;
  const { application: _application, ...permit } = p;
  return permit;
}
