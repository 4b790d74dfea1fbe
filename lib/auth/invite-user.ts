// A company administrator invites a colleague; a platform administrator invites customs officers and
// other platform administrators. The link (valid 7 days, single use) goes out through the outbox, in the
// inviter's profile language: the invitee has no profile yet, and an administrator invites colleagues of
// their own company or administration, who most likely work in the same language (an inviter without a
// profile language sends English text only, as notifications do).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isLocale } from '../i18n/locales';
import { pickLocale } from '../i18n/pick-locale';
import { composeEmail } from '../notifications/compose-email';
import { AppError } from '../errors';
import type { UserRole } from '../generated/prisma/client';
import { queueMessage } from '../notifications/queue-message';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { sqlOfPrisma } from '../database/sql';
import { parseInput, throwFieldErrors } from '../validation';
import type { Actor } from './actor';
import { assertPerson, isCompanyAdministrator, isPlatformAdmin } from './policy';
import { newLinkSecret } from './new-link-secret';

const INVITATION_DAYS = 7;

const inviteUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Give a valid email address.').max(254),
  name: z.string().trim().min(1, 'Give the person’s name.').max(200, 'A name is limited to 200 characters.'),
  isCompanyAdmin: z.boolean().default(false),
  /** Platform administrators only: OFFICER or ADMIN. Company administrators invite into their company's role. */
  role: z.enum(['OFFICER', 'ADMIN']).optional(),
});
export type InviteUserInput = z.input<typeof inviteUserInput>;

export async function inviteUser(options: { actor: Actor; input: InviteUserInput }): Promise<{ invitationId: string; link: string; expiresAt: Date }> {
  const { actor } = options;
  assertPerson(actor, 'invite people');
  const input = parseInput(inviteUserInput, options.input);
  let role: UserRole;
  let companyId: string | null;
  if (isPlatformAdmin(actor)) {
    role = input.role ?? 'OFFICER';
    companyId = null;
  } else if (isCompanyAdministrator(actor)) {
    if (input.role) throw new AppError('FORBIDDEN', 'Company administrators invite colleagues into their company; only platform administrators invite officers.');
    role = actor.role;
    companyId = actor.companyId;
  } else {
    throw new AppError('FORBIDDEN', 'Only an administrator of your company can invite people.');
  }
  const { secret, hash } = newLinkSecret();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const link = `${getEnv().PUBLIC_URL}/invite/${secret}`;
  const result = await getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    throwFieldErrors(existing ? [{ path: ['email'], code: 'DUPLICATE', message: 'This email already has an account.' }] : []);
    const invitation = await tx.invitation.create({
      data: { companyId, email: input.email, name: input.name, role, isCompanyAdmin: companyId ? input.isCompanyAdmin : false, tokenHash: hash, expiresAt, invitedById: actor.userId },
      select: { id: true },
    });
    const inviter = await tx.user.findUnique({ where: { id: actor.userId }, select: { locale: true } });
    const profile = isLocale(inviter?.locale) ? inviter.locale : null;
    const mail = composeEmail(pickLocale({ profile })).invitation({ inviter: actor.name, until: expiresAt, link });
    await queueMessage(sqlOfPrisma(tx), { kind: 'invitation', to: input.email, ...mail, locale: profile });
    if (companyId) {
      await recordBusinessEvent(sqlOfPrisma(tx), { type: 'invitation.sent', companyId, payload: { invitationId: invitation.id, companyId, role, expiresAt: expiresAt.toISOString() } });
    }
    await recordAudit(tx, { actor, action: 'user.invite', targetType: 'invitation', targetId: invitation.id, details: { email: input.email, role, isCompanyAdmin: input.isCompanyAdmin } });
    return { invitationId: invitation.id, link, expiresAt };
  });
  return result;
}
