// An officer takes a declaration from the queue. One statement decides between two officers claiming
// at once: the upsert only takes over a claim that is the caller's own or has timed out, and the
// declaration's row lock orders the two transactions; the loser is told who holds it.
import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { AppError } from '../errors';
import { lockDeclaration } from '../declarations/lock-declaration';
import { claimTimeoutSql } from './claim-timeout';
import { getClaims } from './get-claim';
import { isQueueStatus } from './queue-statuses';

export async function claimDeclaration(options: { actor: Actor; id: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficer(actor, 'claim declarations');
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (!isQueueStatus(d.status)) throw new AppError('CONFLICT', `This declaration is ${d.status}: there is no customs work left to claim.`, { status: d.status });
    const sql = sqlOfPrisma(tx);
    const [before] = await sql<{ officer_id: string }>('SELECT officer_id FROM declaration_claim WHERE declaration_id = $1::uuid', [id]);
    const taken = await sql<{ officer_id: string }>(
      `INSERT INTO declaration_claim (declaration_id, officer_id, claimed_at) VALUES ($1::uuid, $2::uuid, now())
       ON CONFLICT (declaration_id) DO UPDATE SET officer_id = EXCLUDED.officer_id, claimed_at = now()
        WHERE declaration_claim.officer_id = EXCLUDED.officer_id OR declaration_claim.claimed_at <= now() - ${claimTimeoutSql()}
       RETURNING officer_id`,
      [id, actor.userId],
    );
    if (!taken.length) {
      const holder = (await getClaims(sql, [id])).get(id);
      throw new AppError('CONFLICT', `${holder?.officerName ?? 'Another officer'} (${holder?.officerEmail ?? 'unknown'}) is working on this declaration.`, {
        holder: holder ? { name: holder.officerName, email: holder.officerEmail, claimedAt: holder.claimedAt.toISOString() } : null,
      });
    }
    const previous = before && before.officer_id !== actor.userId ? before.officer_id : null;
    await recordAudit(tx, { actor, action: 'declaration.claim', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { previousOfficerId: previous } });
    return { id };
  });
}
