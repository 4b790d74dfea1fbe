import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { DeclarationStatus } from '../generated/prisma/client';
import { changeStatus } from './lifecycle';
import { assertOfficer } from '../auth/policy';
import { lockDeclaration, requireText } from './lock-declaration';
import { removeValueSamples } from './value-samples';
import { sqlOfPrisma } from '../database/sql';
import { returnPermitReservations } from '../permits/return-permit-reservations';

/** Officers: grant a cancellation request (CANCELLED) or refuse it (back to the status it left). */
export async function decideCancellation(options: { actor: Actor; id: string; grant: boolean; reason: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id, grant } = options;
  assertOfficer(actor, 'decide cancellation requests');
  const reason = requireText(options.reason, 'reason', 'the reason for the decision', 1000);
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (d.status !== 'CANCEL_REQUESTED') throw new AppError('CONFLICT', `There is no cancellation request on this declaration (it is ${d.status}).`, { status: d.status });
    let to: DeclarationStatus = 'CANCELLED';
    if (!grant) {
      const request = await tx.declarationStatusChange.findFirst({ where: { declarationId: id, toStatus: 'CANCEL_REQUESTED' }, orderBy: { id: 'desc' } });
      to = request?.fromStatus ?? 'ACCEPTED';
    }
    await changeStatus(tx, { declarationId: id, from: 'CANCEL_REQUESTED', to, actor, reason });
    if (to === 'CANCELLED' || to === 'REJECTED') await removeValueSamples(sqlOfPrisma(tx), id);
    if (to === 'CANCELLED' || to === 'REJECTED') await returnPermitReservations(sqlOfPrisma(tx), { declarationId: id });
    await recordAudit(tx, { actor, action: grant ? 'declaration.cancel' : 'declaration.refuse_cancellation', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { reason } });
    return { id };
  });
}
