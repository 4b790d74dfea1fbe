// The holder gives a declaration back to the queue (a supervisor may too). Giving back what nobody
// holds is a no-op, so a retry is harmless; someone else's live claim is a CONFLICT naming them.
import type { Actor } from '../auth/actor';
import { assertOfficial } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { AppError } from '../errors';
import { lockDeclaration } from '../declarations/lock-declaration';
import { getClaims } from './get-claim';
import { isSupervisor } from './is-supervisor';

export async function unclaimDeclaration(options: { actor: Actor; id: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficial(actor, 'release claims');
  return getDb().$transaction(async (tx) => {
    await lockDeclaration(tx, id, actor);
    const sql = sqlOfPrisma(tx);
    const holder = (await getClaims(sql, [id])).get(id);
    if (holder && holder.officerId !== actor.userId && !isSupervisor(actor)) {
      throw new AppError('CONFLICT', `${holder.officerName} (${holder.officerEmail}) holds this declaration; only they or a supervisor can give it back.`, {
        holder: { name: holder.officerName, email: holder.officerEmail },
      });
    }
    const deleted = await sql('DELETE FROM declaration_claim WHERE declaration_id = $1::uuid RETURNING 1', [id]);
    if (deleted.length) await recordAudit(tx, { actor, action: 'declaration.unclaim', targetType: 'declaration', targetId: id, requestId: options.requestId });
    return { id };
  });
}
