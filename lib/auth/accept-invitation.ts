// The invited person chooses a password; the invitation becomes a user, once. Their profile language is
// the one they chose on the portal before accepting (the language switcher), else the invitation's.
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { isLocale } from '../i18n/locales';
import { parseInput, throwFieldErrors } from '../validation';
import { hashSecret, type RequestInfo } from './actor';
import { hashPassword, passwordContextErrors, passwordSchema } from './password';
import { authError } from './auth-error';

const acceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1, 'Give your name.').max(200, 'A name is limited to 200 characters.').optional(),
  password: passwordSchema,
});

const INVALID = cataloguedMessage('auth.invitationInvalid');
const invalidLink = (code: 'INVALID' | 'EXPIRED') =>
  new AppError('BAD_USER_INPUT', INVALID.message, { messageKey: INVALID.messageKey, params: {}, fieldErrors: [{ path: ['token'], code, ...INVALID }] });

/** The invitation behind a link, for the acceptance page; null when it cannot be used. */
export async function findInvitation(token: string): Promise<{ email: string; name: string; companyName: string | null; expiresAt: Date; expired: boolean } | null> {
  const inv = await getDb().invitation.findUnique({ where: { tokenHash: hashSecret(token) }, include: { company: { select: { name: true } } } });
  if (!inv || inv.acceptedAt || inv.revokedAt) return null;
  return { email: inv.email, name: inv.name, companyName: inv.company?.name ?? null, expiresAt: inv.expiresAt, expired: inv.expiresAt <= new Date() };
}

/** `chosenLocale`: a language the invitee chose themselves (the switcher's cookie); it wins over the invitation's. */
export async function acceptInvitation(options: { input: z.input<typeof acceptInvitationInput>; request?: RequestInfo; chosenLocale?: string | null }): Promise<{ userId: string; email: string }> {
  const input = parseInput(acceptInvitationInput, options.input);
  return getDb().$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(input.token) }, select: { id: true } });
    if (!found) throw invalidLink('INVALID');
    // Lock the row: two submissions of the same link make one account.
    await tx.$queryRaw`SELECT 1 FROM invitation WHERE id = ${found.id}::uuid FOR UPDATE`;
    const inv = (await tx.invitation.findUnique({ where: { id: found.id }, include: { company: { select: { name: true } } } }))!;
    if (inv.acceptedAt || inv.revokedAt) throw invalidLink('EXPIRED');
    if (inv.expiresAt <= new Date()) {
      const expired = cataloguedMessage('auth.invitationExpired', { date: inv.expiresAt.toISOString().slice(0, 10) });
      throw new AppError('BAD_USER_INPUT', expired.message, { messageKey: expired.messageKey, params: expired.params, fieldErrors: [{ path: ['token'], code: 'EXPIRED', ...expired }] });
    }
    throwFieldErrors(passwordContextErrors(input.password, { email: inv.email, companyName: inv.company?.name }, 'password'));
    const passwordHash = await hashPassword(input.password);
    const taken = await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } });
    if (taken) throw authError('CONFLICT', 'auth.emailHasAccountSignIn');
    const user = await tx.user.create({
      data: {
        email: inv.email,
        name: input.name ?? inv.name,
        role: inv.role,
        companyId: inv.companyId,
        isCompanyAdmin: inv.isCompanyAdmin,
        passwordHash,
        locale: isLocale(options.chosenLocale) ? options.chosenLocale : isLocale(inv.locale) ? inv.locale : null,
      },
      select: { id: true, email: true, name: true, role: true, companyId: true },
    });
    await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date() } });
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role, companyId: user.companyId, isCompanyAdmin: inv.isCompanyAdmin, token: null, clients: [], request: options.request ?? { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'user.accept_invitation', targetType: 'user', targetId: user.id, details: { invitationId: inv.id } });
    return { userId: user.id, email: user.email };
  });
}
