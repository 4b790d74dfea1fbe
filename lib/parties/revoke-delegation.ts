// The client revokes a power of representation; it stops the broker's access on its next request.
// What the broker already filed stays visible to the client (declarations keep their parties).
import { recordAudit } from '../audit';
import type { Actor } from '../auth/actor';
import { assertCompanyAdmin } from '../auth/policy';
import { getDb } from '../db';
import { AppError } from '../errors';

export async function revokeDelegation(options: { actor: Actor; id: string }): Promise<void> {
  const { actor, id } = options;
  assertCompanyAdmin(actor);
  await getDb().$transaction(async (tx) => {
    const d = /^[0-9a-f-]{36}$/i.test(id) ? await tx.delegation.findUnique({ where: { id }, select: { id: true, clientId: true, revokedAt: true } }) : null;
    if (!d || d.clientId !== actor.companyId) throw new AppError('NOT_FOUND', 'No such delegation granted by your company.');
    if (d.revokedAt) return;
    await tx.delegation.update({ where: { id }, data: { revokedAt: new Date(), revokedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'delegation.revoke', targetType: 'delegation', targetId: id });
  });
}
