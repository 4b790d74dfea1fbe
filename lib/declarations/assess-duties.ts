import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { AppError } from '../errors';
import { changeStatus } from './lifecycle';
import { assertOfficer } from '../auth/policy';
import { lockDeclaration } from './lock-declaration';
import { writeDutyLines } from './write-duty-lines';

/** Officers: after control, compute the duties and taxes from the tariff; the filer then pays. */
export async function assessDuties(options: { actor: Actor; id: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficer(actor, 'assess duties');
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (d.status === 'CANCEL_REQUESTED') throw new AppError('CONFLICT', 'Decide the cancellation request first.', { status: d.status });
    const total = await writeDutyLines(sqlOfPrisma(tx), id);
    await changeStatus(tx, { declarationId: id, from: d.status, to: 'DUTY_ASSESSED', actor, reason: `Duties and taxes: ${total.toFixed(2)}` });
    await recordAudit(tx, { actor, action: 'declaration.assess_duties', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { total: total.toFixed(2) } });
    return { id };
  });
}
