// A company administrator grants or removes the administrator flag, or disables/enables a colleague.
// A disabled user cannot sign in and their open sessions stop on the next request; they stay ended when
// the user is enabled again (the session version goes up on disabling).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import type { Actor } from './actor';
import { assertPerson } from './policy';

export const updateCompanyUserInput = z.object({
  userId: z.string().uuid('Unknown user.'),
  isCompanyAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

export async function updateCompanyUser(options: { actor: Actor; input: z.input<typeof updateCompanyUserInput> }): Promise<void> {
  const { actor } = options;
  assertPerson(actor, 'manage users');
  const input = parseInput(updateCompanyUserInput, options.input);
  await getDb().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, companyId: true, isCompanyAdmin: true, disabledAt: true } });
    const mayManage = actor.role === 'ADMIN' ? target?.companyId === null : !!actor.companyId && actor.isCompanyAdmin && target?.companyId === actor.companyId;
    if (!target || !mayManage) throw new AppError('NOT_FOUND', 'No such user in your company.');
    if (target.id === actor.userId && (input.disabled || input.isCompanyAdmin === false)) {
      throw new AppError('CONFLICT', 'You cannot disable yourself or remove your own administrator rights; ask another administrator.');
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
  });
}
