// A signed-in person changes their own password (profile page). Every session ends (the session version
// goes up): whoever else knew the old password loses their way in; the caller renews its own session
// with the version returned.
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { parseInput, throwFieldErrors } from '../validation';
import type { Actor } from './actor';
import { hashPassword, passwordContextErrors, passwordSchema, verifyPassword } from './password';
import { assertPerson } from './policy';
import { cataloguedMessage } from '../i18n/catalogued-message';

const changePasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: passwordSchema });

export async function changePassword(options: { actor: Actor; input: z.input<typeof changePasswordInput> }): Promise<{ sessionVersion: number }> {
  const { actor } = options;
  assertPerson(actor, 'change passwords');
  const input = parseInput(changePasswordInput, options.input);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, company: { select: { name: true } } } });
  const ok = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : false;
  throwFieldErrors(ok ? [] : [{ path: ['currentPassword'], code: 'INVALID', ...cataloguedMessage('auth.currentPasswordWrong') }]);
  throwFieldErrors(passwordContextErrors(input.newPassword, { email: actor.email, companyName: user.company?.name }, 'newPassword'));
  const passwordHash = await hashPassword(input.newPassword);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { actor, action: 'user.change_password', targetType: 'user', targetId: actor.userId });
    return { sessionVersion: user.sessionVersion };
  });
}
