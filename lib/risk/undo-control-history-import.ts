// Removes the rows of an import (completed, or left RUNNING by a crash): the import stays, UNDONE, as
// the record that it happened.
import type { Actor } from '../auth/actor';
import { assertCanManageRiskModels } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { ControlHistoryImport } from '../generated/prisma/client';

export async function undoControlHistoryImport(options: { actor: Actor; id: string; requestId?: string }): Promise<ControlHistoryImport> {
  const { actor, id } = options;
  assertCanManageRiskModels(actor, 'undo control history imports');
  return getDb().$transaction(async (tx) => {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await tx.controlHistoryImport.findUnique({ where: { id } }) : null;
    if (!found) throw new AppError('NOT_FOUND', `No control history import ${id}.`);
    if (found.status === 'UNDONE' || found.status === 'REFUSED') throw new AppError('CONFLICT', `This import is ${found.status}: it has no rows to remove.`);
    const { count } = await tx.controlHistory.deleteMany({ where: { importId: id } });
    const done = await tx.controlHistoryImport.update({ where: { id }, data: { status: 'UNDONE', undoneAt: new Date(), rowsAccepted: 0 } });
    await recordAudit(tx, { actor, action: 'control_history.undo', targetType: 'control_history_import', targetId: id, requestId: options.requestId, details: { rows: count } });
    return done;
  });
}
