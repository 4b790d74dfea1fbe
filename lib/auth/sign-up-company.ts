// A new company registers with its first user, who becomes its administrator.
import { z } from 'zod';

import { recordAudit } from '../audit';
import { EORI, isCountryCode } from '../declarations/codes';
import { getDb } from '../db';
import type { PartyRole, UserRole } from '../generated/prisma/client';
import { parseInput, throwFieldErrors } from '../validation';
import type { RequestInfo } from './actor';
import { hashPassword, passwordSchema } from './password';

const text = (max: number, what: string) => z.string().trim().min(1, `Give ${what}.`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is limited to ${max} characters.`);

export const signUpInput = z.object({
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

export async function signUpCompany(options: { input: SignUpInput; request?: RequestInfo }): Promise<{ companyId: string; userId: string }> {
  const input = parseInput(signUpInput, options.input);
  const passwordHash = await hashPassword(input.password);
  return getDb().$transaction(async (tx) => {
    const [company, user] = await Promise.all([
      tx.company.findUnique({ where: { eori: input.eori }, select: { id: true } }),
      tx.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    ]);
    throwFieldErrors([
      ...(company ? [{ path: ['eori'], code: 'DUPLICATE' as const, message: `A company with EORI ${input.eori} is already registered; ask its administrator for an invitation.` }] : []),
      ...(user ? [{ path: ['email'], code: 'DUPLICATE' as const, message: 'This email already has an account: sign in, or reset the password.' }] : []),
    ]);
    const created = await tx.company.create({
      data: { eori: input.eori, name: input.companyName, street: input.street, city: input.city, postcode: input.postcode || null, country: input.country, roles: PARTY_ROLES[input.kind] },
    });
    const role: UserRole = input.kind;
    const admin = await tx.user.create({ data: { email: input.email, name: input.name, role, companyId: created.id, isCompanyAdmin: true, passwordHash }, select: { id: true } });
    const actor = { userId: admin.id, email: input.email, name: input.name, role, companyId: created.id, isCompanyAdmin: true, token: null, clients: [], request: options.request ?? { id: null, ip: null } };
    await recordAudit(tx, { actor, action: 'company.sign_up', targetType: 'company', targetId: created.id, details: { eori: input.eori, kind: input.kind } });
    return { companyId: created.id, userId: admin.id };
  });
}
