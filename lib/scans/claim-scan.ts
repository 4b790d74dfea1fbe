// An image analyst takes a scan from the queue. As with declarations (lib/officer-queue/claim-declaration.ts),
// one upsert decides between two analysts claiming at once: it only takes over a claim that is the
// caller's own or has lapsed (SCAN_CLAIM_MINUTES); the loser is told who holds it.
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { assertImageAnalyst } from './scan-access';

export async function claimScan(options: { actor: Actor; id: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertImageAnalyst(actor, 'claim scans');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'No such scan.');
  return sqlTransaction(async (sql) => {
    const [scan] = await sql<{ status: string }>(`SELECT status::text AS status FROM scan WHERE id = $1::uuid FOR UPDATE`, [id]);
    if (!scan) throw new AppError('NOT_FOUND', 'No such scan.');
    if (scan.status !== 'AWAITING_ANALYSIS') throw new AppError('CONFLICT', `This scan has its verdict (${scan.status}): there is nothing left to claim.`, { status: scan.status });
    const minutes = getEnv().SCAN_CLAIM_MINUTES;
    const [before] = await sql<{ analyst_id: string }>(`SELECT analyst_id FROM scan_claim WHERE scan_id = $1::uuid`, [id]);
    const taken = await sql(
      `INSERT INTO scan_claim (scan_id, analyst_id, claimed_at) VALUES ($1::uuid, $2::uuid, now())
       ON CONFLICT (scan_id) DO UPDATE SET analyst_id = EXCLUDED.analyst_id, claimed_at = now()
        WHERE scan_claim.analyst_id = EXCLUDED.analyst_id OR scan_claim.claimed_at <= now() - make_interval(mins => $3)
       RETURNING 1`,
      [id, actor.userId, minutes],
    );
    if (!taken.length) {
      const [holder] = await sql<{ name: string; email: string; claimed_at: Date }>(`SELECT u.name, u.email, c.claimed_at FROM scan_claim c JOIN app_user u ON u.id = c.analyst_id WHERE c.scan_id = $1::uuid`, [id]);
      throw new AppError('CONFLICT', `${holder?.name ?? 'Another analyst'} (${holder?.email ?? 'unknown'}) is analysing this scan; the claim lapses ${minutes} minutes after it was taken.`, {
        holder: holder ? { name: holder.name, email: holder.email, claimedAt: holder.claimed_at.toISOString() } : null,
      });
    }
    const previous = before && before.analyst_id !== actor.userId ? before.analyst_id : null;
    await recordAudit(sql, { actor, action: 'scan.claim', targetType: 'scan', targetId: id, requestId: options.requestId, details: { previousAnalystId: previous } });
    return { id };
  });
}
