// A customs officer records that the physical inspection of a SUSPECT scan's regions took place, which
// closes the scan for the gate (findOpenSuspectScan). The outcome of the control itself belongs to the
// declaration's control result; this only says the regions were looked at.
import type { Actor } from '../auth/actor';
import { assertOfficer } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';

export async function recordScanInspection(options: { actor: Actor; id: string; note?: string | null; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficer(actor, 'record physical inspections');
  if (actor.token) throw new AppError('FORBIDDEN', 'API tokens cannot record inspections; sign in.');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'No such scan.');
  const note = options.note?.trim().slice(0, 2000) || null;
  return sqlTransaction(async (sql) => {
    const [v] = await sql<{ verdict: string; inspected_at: Date | null }>(`SELECT verdict::text AS verdict, inspected_at FROM scan_verdict WHERE scan_id = $1::uuid FOR UPDATE`, [id]);
    if (!v) throw new AppError('NOT_FOUND', 'No verdict on this scan.');
    if (v.verdict !== 'SUSPECT') throw new AppError('CONFLICT', `This scan's verdict is ${v.verdict}: only SUSPECT scans go to physical inspection.`);
    if (v.inspected_at) return { id };
    await sql(`UPDATE scan_verdict SET inspected_at = now(), inspection_note = $2 WHERE scan_id = $1::uuid`, [id, note]);
    await recordAudit(sql, { actor, action: 'scan.record_inspection', targetType: 'scan', targetId: id, requestId: options.requestId, details: { note } });
    return { id };
  });
}
