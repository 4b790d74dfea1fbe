import type { Actor } from '../auth/actor';
import { getDb } from '../db';
import { DeclarationStatus } from '../generated/prisma/enums';
import { visibleTo } from './list-declarations';

/** How many declarations the actor can see in each status (one query), zeros included. */
export async function countDeclarationsByStatus(options: { actor: Actor }): Promise<Record<DeclarationStatus, number>> {
  const rows = await getDb().declaration.groupBy({ by: ['status'], where: visibleTo(options.actor), _count: true });
  const counts = Object.fromEntries(
    Object.values(DeclarationStatus).map((s) => [s, 0]),
  ) as Record<DeclarationStatus, number>;
  for (const r of rows) counts[r.status] = r._count;
  return counts;
}
