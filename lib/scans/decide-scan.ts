// The analyst's verdict on a scan they hold: CLEAR; SUSPECT with at least one region (given now or drawn
// before), which sends the declaration to physical inspection (route-scan-to-inspection.ts); or
// INCONCLUSIVE, which asks the station for a rescan. The verdict record — verdict, note, every region
// and the SHA-256 of every image it was drawn on, i.e. the annotated image — is anchored in the ledger.
import { createHash, randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { anchorItem } from '../ledger/anchor-item';
import { parseInput } from '../validation';
import { scanRegionInput, writeScanRegions, type ScanRegionInput } from './annotate-scan';
import { assertScanClaimed } from './assert-scan-claimed';
import { routeScanToInspection } from './route-scan-to-inspection';
import { assertImageAnalyst } from './scan-access';

const decideScanInput = z.object({
  verdict: z.enum(['CLEAR', 'SUSPECT', 'INCONCLUSIVE'], { message: 'The verdict is CLEAR, SUSPECT or INCONCLUSIVE.' }),
  note: z.string().trim().max(2000).nullish(),
  regions: z.array(scanRegionInput).max(100).default([]),
});

export async function decideScan(options: { actor: Actor; id: string; verdict: string; note?: string | null; regions?: ScanRegionInput[] | null; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertImageAnalyst(actor, 'decide on scans');
  const input = parseInput(decideScanInput, { verdict: options.verdict, note: options.note, regions: options.regions ?? [] });
  return sqlTransaction(async (sql) => {
    const scan = await assertScanClaimed(sql, actor, id);
    await writeScanRegions(sql, actor, id, input.regions);
    const regions = await sql<{ source: string; label: string; x: number; y: number; width: number; height: number; note: string | null; image: string }>(
      `SELECT a.source::text AS source, a.label, a.x, a.y, a.width, a.height, a.note, i.sha256 AS image
         FROM scan_annotation a JOIN scan_image i ON i.id = a.image_id WHERE a.scan_id = $1::uuid ORDER BY a.created_at, a.id`,
      [id],
    );
    const analystRegions = regions.filter((r) => r.source === 'ANALYST');
    if (input.verdict === 'SUSPECT' && !analystRegions.length) {
      const message = 'A SUSPECT verdict needs at least one region showing what is suspect (regions, or annotateScan first).';
      throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['regions'], code: 'REQUIRED', message }] });
    }
    const images = await sql<{ sha256: string }>(`SELECT sha256 FROM scan_image WHERE scan_id = $1::uuid ORDER BY sequence`, [id]);
    const decidedAt = new Date();
    const record = JSON.stringify({ scanId: id, verdict: input.verdict, note: input.note ?? null, images: images.map((i) => i.sha256), regions, decidedBy: actor.email, decidedAt: decidedAt.toISOString() });
    const recordSha256 = createHash('sha256').update(record).digest('hex');
    const leaf = await anchorItem(sql, { kind: 'scan-verdict', sha256: recordSha256, ref: `scan/${id}/verdict`, at: decidedAt });
    await sql(
      `INSERT INTO scan_verdict (id, scan_id, verdict, note, decided_by_id, decided_at, record_sha256, ledger_leaf_hash) VALUES ($1::uuid, $2::uuid, $3::scan_verdict_kind, $4, $5::uuid, $6, $7, $8)`,
      [randomUUID(), id, input.verdict, input.note ?? null, actor.userId, decidedAt, recordSha256, leaf.leafHash],
    );
    await sql(`UPDATE scan SET status = $2::scan_status, rescan_requested_at = CASE WHEN $2 = 'INCONCLUSIVE' THEN now() ELSE NULL END WHERE id = $1::uuid`, [id, input.verdict]);
    await sql(`DELETE FROM scan_claim WHERE scan_id = $1::uuid`, [id]);
    if (input.verdict === 'SUSPECT' && scan.declarationId) {
      const labels = [...new Set(analystRegions.map((r) => r.label.toLowerCase().replace(/_/g, ' ')))].join(', ');
      await routeScanToInspection(sql, {
        actor,
        declarationId: scan.declarationId,
        scanId: id,
        reason: `X-ray scan of container ${scan.containerNumber ?? '(vehicle)'} found suspect by an image analyst (${labels}): physical inspection of the marked regions.`,
        requestId: options.requestId,
      });
    }
    await recordAudit(sql, {
      actor,
      action: 'scan.decide',
      targetType: 'scan',
      targetId: id,
      requestId: options.requestId,
      details: { verdict: input.verdict, regions: analystRegions.length, declarationId: scan.declarationId },
    });
    return { id };
  });
}
