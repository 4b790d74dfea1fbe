// The analyst holding a scan draws regions on its images: a label from the fixed list (scan-labels.ts),
// a box in image pixels, and a note. Regions outside the image are refused, naming which.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlTransaction, type Sql } from '../database/sql';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { assertScanClaimed } from './assert-scan-claimed';
import { assertImageAnalyst } from './scan-access';
import { SCAN_LABELS } from './scan-labels';

export const scanRegionInput = z.object({
  imageId: z.string().trim().min(1),
  label: z.enum(SCAN_LABELS, { message: `The label is one of ${SCAN_LABELS.join(', ')}.` }),
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  note: z.string().trim().max(1000).nullish(),
});
export type ScanRegionInput = z.input<typeof scanRegionInput>;

/** In the caller's transaction, after assertScanClaimed: the regions as ANALYST annotations. */
export async function writeScanRegions(sql: Sql, actor: Actor, scanId: string, regions: z.output<typeof scanRegionInput>[]): Promise<void> {
  if (!regions.length) return;
  const images = await sql<{ id: string; width: number; height: number; sequence: number }>(`SELECT id, width, height, sequence FROM scan_image WHERE scan_id = $1::uuid`, [scanId]);
  for (const [i, r] of regions.entries()) {
    const image = images.find((im) => im.id === r.imageId);
    if (!image) throw new AppError('BAD_USER_INPUT', `Region ${i + 1} names an image that is not this scan's.`, { field: `regions.${i}.imageId` });
    if (r.x + r.width > image.width || r.y + r.height > image.height) {
      throw new AppError('BAD_USER_INPUT', `Region ${i + 1} lies outside image ${image.sequence} (${image.width} × ${image.height} pixels).`, { field: `regions.${i}` });
    }
  }
  await sql(
    `INSERT INTO scan_annotation (id, scan_id, image_id, source, label, x, y, width, height, note, created_by_id)
     SELECT gen_random_uuid(), $1::uuid, r."imageId"::uuid, 'ANALYST', r.label, r.x, r.y, r.width, r.height, r.note, $2::uuid
       FROM json_to_recordset($3::json) AS r("imageId" text, label text, x int, y int, width int, height int, note text)`,
    [scanId, actor.userId, JSON.stringify(regions.map((r) => ({ ...r, note: r.note ?? null })))],
  );
}

export async function annotateScan(options: { actor: Actor; id: string; regions: ScanRegionInput[]; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertImageAnalyst(actor, 'annotate scans');
  const regions = parseInput(z.array(scanRegionInput).min(1, 'Draw at least one region.').max(100), options.regions);
  return sqlTransaction(async (sql) => {
    await assertScanClaimed(sql, actor, id);
    await writeScanRegions(sql, actor, id, regions);
    await recordAudit(sql, { actor, action: 'scan.annotate', targetType: 'scan', targetId: id, requestId: options.requestId, details: { regions: regions.length, labels: [...new Set(regions.map((r) => r.label))] } });
    return { id };
  });
}
