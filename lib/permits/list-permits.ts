// Permits as each role sees them (the holder company, the issuing agency, customs), newest first, with
// their balances.
import type { Actor } from '../auth/actor';
import { assertReadScope } from '../auth/policy';
import { getDb } from '../db';
import type { Permit } from '../generated/prisma/client';
import { permitApplicationVisibility } from './list-permit-applications';

export async function listPermits(options: { actor: Actor; first?: number | null }): Promise<Permit[]> {
  assertReadScope(options.actor, 'permits:read', 'permits:write');
  const visible = permitApplicationVisibility(options.actor);
  if (!visible) return [];
  return getDb().permit.findMany({ where: { application: visible }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(options.first ?? 50, 1), 200) });
}
