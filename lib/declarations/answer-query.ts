import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { assertCanFileDeclaration } from '../auth/policy';
import { applyAmendment } from './amend-declaration';
import { declarationInput, type DeclarationInput } from './declaration-input';
import { changeStatus } from './lifecycle';
import { lockDeclaration, requireText } from './lock-declaration';

/** The filer answers the open query, optionally amending the declaration in the same step. */
export async function answerQuery(options: { actor: Actor; id: string; answer: string; amendment?: DeclarationInput | null; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  const answer = requireText(options.answer, 'answer', 'the answer', 2000);
  const amendment = options.amendment ? parseInput(declarationInput, options.amendment) : null;
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    assertCanFileDeclaration(actor, d);
    const open = await tx.declarationQuery.findFirst({ where: { declarationId: id, answeredAt: null }, orderBy: { askedAt: 'desc' } });
    if (d.status !== 'QUERY' || !open) throw new AppError('CONFLICT', `There is no open query on this declaration (it is ${d.status}).`, { status: d.status });
    if (amendment) await applyAmendment(tx, { actor, id, input: amendment, reason: `Answer to query: ${answer.slice(0, 400)}`, requestId: options.requestId });
    await tx.declarationQuery.update({ where: { id: open.id }, data: { answer, answeredById: actor.userId, answeredAt: new Date() } });
    await changeStatus(tx, { declarationId: id, from: 'QUERY', to: 'UNDER_CONTROL', actor, reason: answer });
    await recordAudit(tx, { actor, action: 'declaration.answer_query', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { amended: !!amendment } });
    return { id };
  });
}
