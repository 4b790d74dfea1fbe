// Deciding a declaration that another officer holds is refused with their name, so two officers never
// decide the same work. Unclaimed work may be decided by anyone (claiming is how officers coordinate,
// not a step every decision needs). Called from the decide path inside its transaction, after the lock.
import type { Actor } from '../auth/actor';
import { sqlOfPrisma } from '../database/sql';
import type { Tx } from '../database/tx';
import { AppError } from '../errors';
import { getClaims } from './get-claim';

export async function assertClaimHolder(tx: Tx, id: string, actor: Actor): Promise<void> {
  const holder = (await getClaims(sqlOfPrisma(tx), [id])).get(id);
  if (holder && holder.officerId !== actor.userId) {
    throw new AppError('CONFLICT', `${holder.officerName} (${holder.officerEmail}) is working on this declaration: ask them, or a supervisor to reassign it.`, {
      holder: { name: holder.officerName, email: holder.officerEmail },
    });
  }
}
