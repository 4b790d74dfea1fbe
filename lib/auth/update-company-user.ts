// A company administrator grants or removes the administrator flag, or disables/enables a colleague.
// A disabled user cannot sign in and their open sessions stop on the next request; they stay ended when
// the user is enabled again (the session version goes up on disabling). The API tokens they created are
// revoked in the same transaction when they are disabled or lose administrator rights: a token acts with
// its creator's authority, which has just ended (enabling again does not revive them).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { parseInput } from '../validation';
import type { Actor } from './actor';
import { assertPerson, canManageUser } from './policy';
import { forgetApiToken } from './token-actor-cache';
import { authError } from './auth-error';

const updateCompanyUserInput = z.object({
  userId: z.string().uuid('Unknown user.'),
  isCompanyAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

export async function updateCompanyUser(options: { actor: Actor; input: z.input<typeof updateCompanyUserInput> }): Promise<{ revokedTokens: number }> {
  const { actor } = options;
  assertPerson(actor, 'manage users');
  const input = parseInput(updateCompanyUserInput, options.input);
  const revoked: string[] = [];
  const outcome = await getDb().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, companyId: true, isCompanyAdmin: true, disabledAt: true } });
    if (!target || !canManageUser(actor, target)) throw authError('NOT_FOUND', 'auth.companyUserNotFound');
    if (target.id === actor.userId && (input.disabled || input.isCompanyAdmin === false)) {
      throw authError('CONFLICT', 'auth.cannotDemoteSelf');
    }
    await tx.user.update({
      where: { id: target.id },
      data: {
        ...(input.isCompanyAdmin !== undefined && target.companyId ? { isCompanyAdmin: input.isCompanyAdmin } : {}),
        ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (target.disabledAt ?? new Date()) : null } : {}),
        ...(input.disabled && !target.disabledAt ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, { actor, action: 'user.update', targetType: 'user', targetId: target.id, details: { isCompanyAdmin: input.isCompanyAdmin ?? null, disabled: input.disabled ?? null } });
    const authorityEnds = input.disabled === true || (input.isCompanyAdmin === false && target.isCompanyAdmin);
    if (!authorityEnds) return { revokedTokens: 0 };
    const tokens = await tx.apiToken.findMany({ where: { createdById: target.id, revokedAt: null }, select: { id: true } });
    if (tokens.length) await tx.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) } }, data: { revokedAt: new Date() } });
    for (const token of tokens) {
      revoked.push(token.id);
      await recordAudit(tx, { actor, action: 'api_token.revoke', targetType: 'api_token', targetId: token.id, details: { reason: input.disabled ? 'creator_disabled' : 'creator_not_admin', userId: target.id } });
    }
    return { revokedTokens: tokens.length };
  });
  // This process's cached rows at once; other processes on the database's notice (token-actor-cache.ts).
  for (const id of revoked) forgetApiToken(id);
  return outcome;
}
