// A new company registers with its first user, who becomes its administrator. Whether the email already
// has an account must not show in the answer (account enumeration): in both cases the person is told to
// check their mailbox, where a new administrator finds a welcome and an existing account's owner a
// warning that someone tried to register with their address. Sign-ups are limited per client address.
// A taken EORI stays a field error: EORI numbers are public company identifiers, not people.
import { z } from 'zod';

import { recordAudit } from '../audit';
import { EORI, isCountryCode } from '../declarations/codes';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isLocale, type Locale } from '../i18n/locales';
import { pickLocale } from '../i18n/pick-locale';
import { composeEmail } from '../notifications/compose-email';
import type { PartyRole, UserRole } from '../generated/prisma/client';
import { queueMessage } from '../notifications/queue-message';
import { sqlOfPrisma } from '../database/sql';
import { parseInput, throwFieldErrors } from '../validation';
import type { RequestInfo } from './actor';
import { hashPassword, passwordContextErrors, passwordSchema } from './password';
import { getRateLimiter } from './rate-limiter';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { authError } from './auth-error';

/** Valid sign-ups per client address per hour. */
export const SIGN_UPS_PER_HOUR = 10;

const text = (max: number, what: string) => z.string().trim().min(1, `Give ${what}.`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is limited to ${max} characters.`);

const signUpInput = z.object({
  kind: z.enum(['TRADER', 'BROKER'], { message: 'Choose whether the company trades (importer/exporter) or is a customs broker.' }),
  eori: z.string().trim().toUpperCase().regex(EORI, 'An EORI number is a country code and up to 15 characters, e.g. NL123456789.'),
  companyName: text(200, 'the company name'),
  street: text(200, 'the street'),
  city: text(100, 'the city'),
  postcode: z.string().trim().max(20, 'A postcode is limited to 20 characters.').optional(),
  country: z.string().trim().toUpperCase().refine(isCountryCode, 'Use an ISO 3166-1 alpha-2 country code, e.g. NL.'),
  name: text(200, 'your name'),
  email: z.string().trim().toLowerCase().email('Give a valid email address.').max(254),
  password: passwordSchema,
});
export type SignUpInput = z.input<typeof signUpInput>;

const PARTY_ROLES: Record<'TRADER' | 'BROKER', PartyRole[]> = { TRADER: ['IMPORTER', 'EXPORTER'], BROKER: ['BROKER'] };

/**
 * Registers the company, or — when the email already has an account — tells that account's owner instead
 * and returns null. Callers answer both the same way ("check your mailbox"). `locale`: the language of the
 * sign-up page, which the welcome e-mail is written in; the owner of an existing account is told in their
 * own profile language (whoever filled in the form may speak another).
 */
export async function signUpCompany(options: { input: SignUpInput; request?: RequestInfo; locale?: Locale }): Promise<{ companyId: string; userId: string } | null> {
  const input = parseInput(signUpInput, options.input);
  throwFieldErrors(passwordContextErrors(input.password, { email: input.email, companyName: input.companyName }, 'password'));
  const ip = options.request?.ip || 'unknown';
  const decision = await getRateLimiter().hit(`sign-up:${ip}`, SIGN_UPS_PER_HOUR, 3_600_000);
  if (!decision.allowed) {
    throw authError('RATE_LIMITED', 'auth.registrationRateLimited', { minutes: Math.ceil(decision.retryAfterSeconds / 60) }, { retryAfterSeconds: decision.retryAfterSeconds });
  }
  const passwordHash = await hashPassword(input.password);
  const signIn = `${getEnv().PUBLIC_URL}/signin`;
  const result = await getDb().$transaction(async (tx) => {
    const [company, user] = await Promise.all([
      tx.company.findUnique({ where: { eori: input.eori }, select: { id: true } }),
      tx.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true } }),
    ]);
    throwFieldErrors(company ? [{ path: ['eori'], code: 'DUPLICATE', ...cataloguedMessage('auth.eoriRegistered', { eori: input.eori }) }] : []);
    if (user) {
      const profile = isLocale(user.locale) ? user.locale : null;
      const mail = composeEmail(pickLocale({ profile })).signUpExistingAccount({ company: input.companyName, eori: input.eori, email: input.email, signIn });
      await queueMessage(sqlOfPrisma(tx), { kind: 'sign_up_existing_account', to: input.email, ...mail, locale: profile });
      await recordAudit(tx, { actor: null, action: 'company.sign_up_refused', targetType: 'user', targetId: user.id, requestId: options.request?.id ?? undefined, details: { eori: input.eori, reason: 'email_taken' } });
      return null;
    }
    const created = await tx.company.create({
      data: { eori: input.eori, name: input.companyName, street: input.street, city: input.city, postcode: input.postcode || null, country: input.country, roles: PARTY_ROLES[input.kind] },
    });
    const role: UserRole = input.kind;
    const admin = await tx.user.create({ data: { email: input.email, name: input.name, role, companyId: created.id, isCompanyAdmin: true, passwordHash }, select: { id: true } });
    const actor = { userId: admin.id, email: input.email, name: input.name, role, companyId: created.id, isCompanyAdmin: true, token: null, clients: [], request: options.request ?? { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'company.sign_up', targetType: 'company', targetId: created.id, details: { eori: input.eori, kind: input.kind } });
    const locale = options.locale ?? null;
    const mail = composeEmail(pickLocale({ profile: locale })).signUp({ company: input.companyName, eori: input.eori, email: input.email, signIn });
    await queueMessage(sqlOfPrisma(tx), { kind: 'sign_up', to: input.email, ...mail, locale });
    return { companyId: created.id, userId: admin.id };
  });
  return result;
}
