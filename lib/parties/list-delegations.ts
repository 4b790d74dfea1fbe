// Delegations as each side sees them: a client those it granted, a broker those it received, officials all.
import type { Actor } from '../auth/actor';
import { assertPerson, isOfficial } from '../auth/policy';
import { getDb } from '../db';

export type DelegationState = 'VALID' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';

export function delegationState(d: { validFrom: Date; validUntil: Date | null; revokedAt: Date | null }, now = new Date()): DelegationState {
  if (d.revokedAt) return 'REVOKED';
  if (d.validFrom > now) return 'NOT_YET_VALID';
  if (d.validUntil && d.validUntil <= now) return 'EXPIRED';
  return 'VALID';
}

export async function listDelegations(options: { actor: Actor }) {
  const { actor } = options;
  assertPerson(actor, 'list delegations');
  const where = isOfficial(actor) ? {} : actor.companyId ? { OR: [{ clientId: actor.companyId }, { brokerId: actor.companyId }] } : { id: { in: [] } };
  const rows = await getDb().delegation.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: {
      client: { select: { id: true, eori: true, name: true } },
      broker: { select: { id: true, eori: true, name: true } },
      grantedBy: { select: { name: true } },
      revokedBy: { select: { name: true } },
    },
  });
  const now = new Date();
  return rows.map((d) => ({ ...d, state: delegationState(d, now) }));
}
