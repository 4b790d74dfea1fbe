// Officer decisions that only move the status: release and reject (each with its history and audit).
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { lockDeclaration } from './lock-declaration';
import { removeValueSamples } from './value-samples';
import { sqlOfPrisma } from '../database/sql';
import { changeStatus } from './lifecycle';

export async function decideDeclaration(options: {
  actor: Actor;
  id: string;
  decision: 'RELEASED' | 'REJECTED';
  reason?: string;
  requestId?: string;
}): Promise<{ id: string }> {
  const { actor, id, decision } = options;
  if (actor.role !== 'OFFICER') throw new AppError('FORBIDDEN', 'Only customs officers release or reject declarations.');
  const reason = options.reason?.trim();
  if (decision === 'REJECTED' && !reason) {
    throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['reason'], code: 'required', message: 'Say why the declaration is rejected: the filer sees it.' }] });
  }
  if (reason && reason.length > 1000) {
    throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['reason'], code: 'too_big', message: 'A reason is limited to 1,000 characters.' }] });
  }
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (decision === 'RELEASED' && d.status === 'DUTY_ASSESSED' && !d.dutyTotal?.isZero()) {
      throw new AppError('CONFLICT', 'Duties are due: record the payment before releasing.', { status: d.status });
    }
    await changeStatus(tx, { declarationId: id, from: d.status, to: decision, actor, reason });
    if (decision === 'REJECTED') await removeValueSamples(sqlOfPrisma(tx), id);
    await recordAudit(tx, { actor, action: decision === 'RELEASED' ? 'declaration.release' : 'declaration.reject', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { from: d.status, reason: reason ?? null } });
    return { id };
  });
}
