import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { changeStatus } from './lifecycle';
import { assertOfficer } from '../auth/policy';
import { lockDeclaration, requireText } from './lock-declaration';

/** Officers: ask the filer a question; the declaration waits in QUERY for the answer. */
export async function raiseQuery(options: { actor: Actor; id: string; question: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertOfficer(actor, 'raise queries');
  const question = requireText(options.question, 'question', 'the question', 2000);
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    if (d.status === 'CANCEL_REQUESTED') throw new AppError('CONFLICT', 'Decide the cancellation request first.', { status: d.status });
    await changeStatus(tx, { declarationId: id, from: d.status, to: 'QUERY', actor, reason: question });
    await tx.declarationQuery.create({ data: { declarationId: id, question, askedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'declaration.raise_query', targetType: 'declaration', targetId: id, requestId: options.requestId });
    return { id };
  });
}
