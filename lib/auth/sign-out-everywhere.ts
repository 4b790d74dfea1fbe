// "Sign out everywhere": every session of the person ends on its next request, this one included
// (sessions are stateless tokens; each carries the session version it was issued under).
import { recordAudit } from '../audit';
import { getDb } from '../db';
import type { Actor } from './actor';
import { assertPerson } from './policy';

export async function signOutEverywhere(options: { actor: Actor }): Promise<{ sessionVersion: number }> {
  const { actor } = options;
  assertPerson(actor, 'sign out everywhere');
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { actor, action: 'user.sign_out_everywhere', targetType: 'user', targetId: actor.userId });
    return { sessionVersion: user.sessionVersion };
  });
}
