// A supervisor hands a declaration to another officer, whoever held it (the claim's clock restarts).
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { AppError } from '../errors';
import { lockDeclaration } from '../declarations/lock-declaration';
import { getClaims } from './get-claim';
import { isQueueStatus } from './queue-statuses';
import { isSupervisor } from './is-supervisor';
import { fieldsNeedCorrecting } from '../validation';

export async function reassignDeclaration(options: { actor: Actor; id: string; officerEmail: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  if (!isSupervisor(actor)) throw new AppError('FORBIDDEN', 'Only a supervisor (a platform administrator) reassigns declarations.');
  const email = options.officerEmail.trim().toLowerCase();
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (!isQueueStatus(d.status)) throw new AppError('CONFLICT', `This declaration is ${d.status}: there is no customs work left to assign.`, { status: d.status });
    const target = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } });
    if (!target || target.role !== 'OFFICER' || target.disabledAt) {
      throw fieldsNeedCorrecting([{ path: ['officerEmail'], code: 'UNKNOWN', message: `No active customs officer ${email}.` }]);
    }
    const sql = sqlOfPrisma(tx);
    const before = (await getClaims(sql, [id])).get(id);
    await sql(
      `INSERT INTO declaration_claim (declaration_id, officer_id, claimed_at) VALUES ($1::uuid, $2::uuid, now())
       ON CONFLICT (declaration_id) DO UPDATE SET officer_id = EXCLUDED.officer_id, claimed_at = now()`,
      [id, target.id],
    );
    await recordAudit(tx, { actor, action: 'declaration.reassign', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { from: before?.officerId ?? null, to: target.id } });
    return { id };
  });
}
