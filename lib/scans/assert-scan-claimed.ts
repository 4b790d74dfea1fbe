// Annotating and deciding need the caller's own live claim on a scan still awaiting analysis: the
// scan row is locked, so a verdict and a take-over cannot interleave.
import type { Actor } from '../auth/actor';
import type { Sql } from '../database/sql';
import { getEnv } from '../env';
import { AppError } from '../errors';

export async function assertScanClaimed(sql: Sql, actor: Actor, id: string): Promise<{ declarationId: string | null; containerNumber: string | null }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'No such scan.');
  const [scan] = await sql<{ status: string; declaration_id: string | null; container_number: string | null; analyst_id: string | null; live: boolean | null; holder: string | null }>(
    `SELECT s.status::text AS status, s.declaration_id, s.container_number, c.analyst_id, c.claimed_at > now() - make_interval(mins => $2) AS live, u.name AS holder
       FROM scan s LEFT JOIN scan_claim c ON c.scan_id = s.id LEFT JOIN app_user u ON u.id = c.analyst_id
      WHERE s.id = $1::uuid FOR UPDATE OF s`,
    [id, getEnv().SCAN_CLAIM_MINUTES],
  );
  if (!scan) throw new AppError('NOT_FOUND', 'No such scan.');
  if (scan.status !== 'AWAITING_ANALYSIS') throw new AppError('CONFLICT', `This scan has its verdict already (${scan.status}).`, { status: scan.status });
  if (!scan.analyst_id || !scan.live) throw new AppError('CONFLICT', 'Claim the scan first (claimScan): nobody holds it, or the claim lapsed.');
  if (scan.analyst_id !== actor.userId) throw new AppError('CONFLICT', `${scan.holder ?? 'Another analyst'} is analysing this scan.`);
  return { declarationId: scan.declaration_id, containerNumber: scan.container_number };
}
