// A company administrator invites a colleague; a platform administrator invites customs officers and
// other platform administrators. The link (valid 7 days, single use) goes out through the outbox in the
// language the inviter chose for the invitee (`locale`), else the inviter's profile language (colleagues
// most likely work in the same one; an inviter without a profile language sends English text only, as
// notifications do). The invitation keeps that language: it becomes the invitee's profile language when
// they accept (lib/auth/accept-invitation.ts).
import { z } from 'zod';

import { recordAudit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isLocale, LOCALES, type Locale } from '../i18n/locales';
import { pickLocale } from '../i18n/pick-locale';
import { composeEmail } from '../notifications/compose-email';
import type { UserRole } from '../generated/prisma/client';
import { queueMessage } from '../notifications/queue-message';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { sqlOfPrisma } from '../database/sql';
import { parseInput, throwFieldErrors } from '../validation';
import type { Actor } from './actor';
import { assertPerson, isCompanyAdministrator, isPlatformAdmin } from './policy';
import { newLinkSecret } from './new-link-secret';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { authError } from './auth-error';

const INVITATION_DAYS = 7;

const inviteUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Give a valid email address.').max(254),
  name: z.string().trim().min(1, 'Give the person’s name.').max(200, 'A name is limited to 200 characters.'),
  isCompanyAdmin: z.boolean().default(false),
  /** Platform administrators only: OFFICER or ADMIN. Company administrators invite into their company's role. */
  role: z.enum(['OFFICER', 'ADMIN']).optional(),
  /** The invitee's language (lib/i18n/locales.ts): the e-mail's, then their profile's. Default: the inviter's profile language. */
  locale: z.enum(LOCALES).optional(),
});
/** As a form or the API gives it: `role` and `locale` are any text until validated here (an unknown one is a field error). */
export type InviteUserInput = Omit<z.input<typeof inviteUserInput>, 'role' | 'locale'> & { role?: string; locale?: string };

export async function inviteUser(options: { actor: Actor; input: InviteUserInput }): Promise<{ invitationId: string; email: string; link: string; expiresAt: Date; locale: Locale | null }> {
  const { actor } = options;
  assertPerson(actor, 'invite people');
  const input = parseInput(inviteUserInput, options.input);
  let role: UserRole;
  let companyId: string | null;
  if (isPlatformAdmin(actor)) {
    role = input.role ?? 'OFFICER';
    companyId = null;
  } else if (isCompanyAdministrator(actor)) {
    if (input.role) throw authError('FORBIDDEN', 'auth.companyAdminsInviteColleagues');
    role = actor.role;
    companyId = actor.companyId;
  } else {
    throw authError('FORBIDDEN', 'auth.onlyCompanyAdminInvites');
  }
  const { secret, hash } = newLinkSecret();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const link = `${getEnv().PUBLIC_URL}/invite/${secret}`;
  const result = await getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    throwFieldErrors(existing ? [{ path: ['email'], code: 'DUPLICATE', ...cataloguedMessage('auth.emailHasAccount') }] : []);
    const inviter = input.locale ? null : await tx.user.findUnique({ where: { id: actor.userId }, select: { locale: true } });
    const locale = input.locale ?? (isLocale(inviter?.locale) ? inviter.locale : null);
    const invitation = await tx.invitation.create({
      data: { companyId, email: input.email, name: input.name, role, isCompanyAdmin: companyId ? input.isCompanyAdmin : false, locale, tokenHash: hash, expiresAt, invitedById: actor.userId },
      select: { id: true },
    });
    const mail = composeEmail(pickLocale({ profile: locale })).invitation({ inviter: actor.name, until: expiresAt, link });
    await queueMessage(sqlOfPrisma(tx), { kind: 'invitation', to: input.email, ...mail, locale });
    if (companyId) {
      await recordBusinessEvent(sqlOfPrisma(tx), { type: 'invitation.sent', companyId, payload: { invitationId: invitation.id, companyId, role, expiresAt: expiresAt.toISOString() } });
    }
    await recordAudit(tx, { actor, action: 'user.invite', targetType: 'invitation', targetId: invitation.id, details: { email: input.email, role, isCompanyAdmin: input.isCompanyAdmin, locale: locale ?? undefined } });
    return { invitationId: invitation.id, email: input.email, link, expiresAt, locale };
  });
  return result;
}
