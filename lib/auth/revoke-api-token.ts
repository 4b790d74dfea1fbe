// Revoking takes effect on the token's next request: this process forgets its cached row at once, and
// every other process on the database's notice (lib/auth/token-actor-cache.ts).
import { recordAudit } from '../audit';
import { getDb } from '../db';
import type { Actor } from './actor';
import { assertCompanyAdmin } from './policy';
import { forgetApiToken } from './token-actor-cache';
import { authError } from './auth-error';

export async function revokeApiToken(options: { actor: Actor; id: string }): Promise<void> {
  const { actor, id } = options;
  assertCompanyAdmin(actor);
  await getDb().$transaction(async (tx) => {
    const token = /^[0-9a-f-]{36}$/i.test(id) ? await tx.apiToken.findUnique({ where: { id }, select: { id: true, companyId: true, revokedAt: true } }) : null;
    if (!token || token.companyId !== actor.companyId) throw authError('NOT_FOUND', 'auth.apiTokenNotFound');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, action: 'api_token.revoke', targetType: 'api_token', targetId: id });
  });
  forgetApiToken(id);
}
