// A signed-in person changes their own password (profile page).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { parseInput, throwFieldErrors } from '../validation';
import type { Actor } from './actor';
import { hashPassword, passwordSchema, verifyPassword } from './password';
import { assertPerson } from './policy';

export const changePasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: passwordSchema });

export async function changePassword(options: { actor: Actor; input: z.input<typeof changePasswordInput> }): Promise<void> {
  const { actor } = options;
  assertPerson(actor, 'change passwords');
  const input = parseInput(changePasswordInput, options.input);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  const ok = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
  throwFieldErrors(ok ? [] : [{ path: ['currentPassword'], code: 'INVALID', message: 'The current password is not correct.' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await recordAudit(tx, { actor, action: 'user.change_password', targetType: 'user', targetId: actor.userId });
  });
}
