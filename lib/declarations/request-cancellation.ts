import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { assertCanFileDeclaration } from '../auth/policy';
import { changeStatus } from './lifecycle';
import { lockDeclaration, requireText } from './lock-declaration';

/** The filer asks customs to cancel an accepted declaration (goods not shipped, declared twice...). */
export async function requestCancellation(options: { actor: Actor; id: string; reason: string; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  const reason = requireText(options.reason, 'reason', 'the reason for cancelling', 1000);
  return getDb().$transaction(async (tx) => {
    const d = await lockDeclaration(tx, id, actor);
    assertCanFileDeclaration(actor, d);
    await changeStatus(tx, { declarationId: id, from: d.status, to: 'CANCEL_REQUESTED', actor, reason });
    await recordAudit(tx, { actor, action: 'declaration.request_cancellation', targetType: 'declaration', targetId: id, requestId: options.requestId, details: { reason } });
    return { id };
  });
}
