// Demo companies, users and a broker delegation (fictional), so that a fresh install can be tried at
// once. Idempotent: upserts by EORI and email. Switched off with SEED_DEMO=false.
import { hashPassword } from '../auth/password';
import { getDb } from '../db';
import type { PartyRole, UserRole } from '../generated/prisma/client';

/** Every demo user's password (docs/identity.md). A real deployment runs with SEED_DEMO=false. */
export const DEMO_PASSWORD = 'clearway-demo';

export const DEMO_COMPANIES: { eori: string; name: string; street: string; city: string; postcode: string; country: string; roles: PartyRole[] }[] = [
  { eori: 'NL123456789', name: 'Rotterdam Importers B.V.', street: 'Waalhaven Zuidzijde 10', city: 'Rotterdam', postcode: '3089 JH', country: 'NL', roles: ['IMPORTER'] },
  { eori: 'CN440300123456789', name: 'Shenzhen Bright Electronics Co., Ltd.', street: '88 Keji Road', city: 'Shenzhen', postcode: '518057', country: 'CN', roles: ['EXPORTER'] },
  { eori: 'NL987654321', name: 'Delta Customs Brokers B.V.', street: 'Maasvlakte Plaza 1', city: 'Rotterdam', postcode: '3199 LZ', country: 'NL', roles: ['BROKER'] },
  { eori: 'KE000111222', name: 'Mombasa Coffee Exporters Ltd', street: 'Moi Avenue 12', city: 'Mombasa', postcode: '80100', country: 'KE', roles: ['EXPORTER'] },
  { eori: 'UG100200300', name: 'Kampala Trading Company Ltd', street: 'Jinja Road 45', city: 'Kampala', postcode: '00256', country: 'UG', roles: ['IMPORTER', 'EXPORTER'] },
  { eori: 'DK555666777', name: 'Northsea Container Line A/S', street: 'Esplanaden 50', city: 'Copenhagen', postcode: '1263', country: 'DK', roles: ['CARRIER'] },
  // A terminal operator: no party to declarations (no trade role); its gates ask Clearway (lib/gates).
  { eori: 'NL555000111', name: 'Maasvlakte Container Terminal B.V.', street: 'Europaweg 875', city: 'Rotterdam', postcode: '3199 LD', country: 'NL', roles: [] },
];

export const DEMO_USERS: { email: string; name: string; role: UserRole; companyEori: string | null; isCompanyAdmin: boolean }[] = [
  { email: 'trader@rotterdam-importers.example', name: 'Sanne de Vries', role: 'TRADER', companyEori: 'NL123456789', isCompanyAdmin: true },
  { email: 'clerk@rotterdam-importers.example', name: 'Daan Bakker', role: 'TRADER', companyEori: 'NL123456789', isCompanyAdmin: false },
  { email: 'exports@bright-electronics.example', name: 'Li Wei', role: 'TRADER', companyEori: 'CN440300123456789', isCompanyAdmin: true },
  { email: 'broker@delta-brokers.example', name: 'Pieter Jansen', role: 'BROKER', companyEori: 'NL987654321', isCompanyAdmin: true },
  { email: 'trader@kampala-trading.example', name: 'Grace Namusoke', role: 'TRADER', companyEori: 'UG100200300', isCompanyAdmin: true },
  { email: 'officer@customs.example', name: 'Officer Amal Haddad', role: 'OFFICER', companyEori: null, isCompanyAdmin: false },
  // A second officer, so the shared queue and its claims can be tried with two people.
  { email: 'officer2@customs.example', name: 'Officer Jonas Weber', role: 'OFFICER', companyEori: null, isCompanyAdmin: false },
  // Image analysts of the central analysis centre (X-ray scans, docs/scans.md); two, so claims can be tried.
  { email: 'imaging@customs.example', name: 'Analyst Noor Rahman', role: 'IMAGE_ANALYST', companyEori: null, isCompanyAdmin: false },
  { email: 'imaging2@customs.example', name: 'Analyst Tomas Berg', role: 'IMAGE_ANALYST', companyEori: null, isCompanyAdmin: false },
  { email: 'terminal@maasvlakte-terminal.example', name: 'Ruben Visser', role: 'TERMINAL_OPERATOR', companyEori: 'NL555000111', isCompanyAdmin: true },
  { email: 'admin@clearway.example', name: 'Platform Admin', role: 'ADMIN', companyEori: null, isCompanyAdmin: false },
  { email: 'analyst@customs.example', name: 'Risk Analyst Sofia Marin', role: 'RISK_ANALYST', companyEori: null, isCompanyAdmin: false },
];

/** Rotterdam Importers lets Delta Brokers file all its declarations, directly in its name. */
export const DEMO_DELEGATIONS = [{ clientEori: 'NL123456789', brokerEori: 'NL987654321', representation: 'DIRECT', scope: 'ALL', validFrom: new Date('2026-01-01T00:00:00Z') }] as const;

export async function seedDemoParties(): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const c of DEMO_COMPANIES) {
      const row = await tx.company.upsert({ where: { eori: c.eori }, create: c, update: {}, select: { id: true } });
      ids.set(c.eori, row.id);
    }
    for (const u of DEMO_USERS) {
      const companyId = u.companyEori ? ids.get(u.companyEori)! : null;
      await tx.user.upsert({
        where: { email: u.email },
        create: { email: u.email, name: u.name, role: u.role, companyId, isCompanyAdmin: u.isCompanyAdmin, passwordHash },
        update: {},
      });
    }
    const admin = await tx.user.findUniqueOrThrow({ where: { email: 'trader@rotterdam-importers.example' }, select: { id: true } });
    for (const d of DEMO_DELEGATIONS) {
      const clientId = ids.get(d.clientEori)!;
      const brokerId = ids.get(d.brokerEori)!;
      const exists = await tx.delegation.findFirst({ where: { clientId, brokerId }, select: { id: true } });
      if (!exists) await tx.delegation.create({ data: { clientId, brokerId, representation: d.representation, scope: d.scope, validFrom: d.validFrom, grantedById: admin.id } });
    }
  });
}
