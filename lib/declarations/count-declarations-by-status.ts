import type { Actor } from '../auth/actor';
import { getDb } from '../db';
import type { DeclarationStatus } from '../generated/prisma/client';
import { visibleTo } from './list-declarations';

/** How many declarations the actor can see in each status (one query), zeros included. */
export async function countDeclarationsByStatus(options: { actor: Actor }): Promise<Record<DeclarationStatus, number>> {
  const rows = await getDb().declaration.groupBy({ by: ['status'], where: visibleTo(options.actor), _count: true });
  const counts = Object.fromEntries(
    ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED', 'PAID', 'RELEASED', 'REJECTED', 'CANCEL_REQUESTED', 'CANCELLED'].map((s) => [s, 0]),
  ) as Record<DeclarationStatus, number>;
  for (const r of rows) counts[r.status] = r._count;
  return counts;
}
