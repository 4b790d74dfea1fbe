// Sets a new password from a reset link: single use, expiring; it also lifts a sign-in pause and ends
// every session (whoever had the old password is out).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { parseInput, throwFieldErrors } from '../validation';
import { hashSecret, type RequestInfo } from './actor';
import { hashPassword, passwordContextErrors, passwordSchema } from './password';

const resetPasswordInput = z.object({ token: z.string().min(1).max(200), password: passwordSchema });

const INVALID = 'This reset link is not valid: it was already used, or mistyped. Ask for a new one.';

export async function resetPassword(options: { input: z.input<typeof resetPasswordInput>; request?: RequestInfo }): Promise<{ userId: string }> {
  const input = parseInput(resetPasswordInput, options.input);
  return getDb().$transaction(async (tx) => {
    // Claim the token atomically: of two concurrent uses, one wins.
    const claimed = await tx.$queryRaw<{ user_id: string; expires_at: Date }[]>`
      UPDATE password_reset_token SET used_at = now()
       WHERE token_hash = ${hashSecret(input.token)} AND used_at IS NULL
       RETURNING user_id, expires_at`;
    const row = claimed[0];
    if (!row) throw new AppError('BAD_USER_INPUT', INVALID, { fieldErrors: [{ path: ['token'], code: 'INVALID', message: INVALID }] });
    if (row.expires_at <= new Date()) {
      const message = 'This reset link has expired. Ask for a new one.';
      throw new AppError('BAD_USER_INPUT', message, { fieldErrors: [{ path: ['token'], code: 'EXPIRED', message }] });
    }
    // Whose password it is is known only now; a refusal rolls the claim back, so the link still works.
    const owner = await tx.user.findUniqueOrThrow({ where: { id: row.user_id }, select: { email: true, company: { select: { name: true } } } });
    throwFieldErrors(passwordContextErrors(input.password, { email: owner.email, companyName: owner.company?.name }, 'password'));
    const passwordHash = await hashPassword(input.password);
    const user = await tx.user.update({
      where: { id: row.user_id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, name: true, role: true, companyId: true },
    });
    // Any other outstanding links for this user stop working too.
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId, isCompanyAdmin: false, token: null, clients: [], request: options.request ?? { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'user.reset_password', targetType: 'user', targetId: user.id });
    return { userId: user.id };
  });
}
