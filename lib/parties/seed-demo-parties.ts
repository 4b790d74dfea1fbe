// Demo companies and users (fictional), so that a fresh install can be tried at once. Idempotent:
// upserts by EORI and email. Switched off with SEED_DEMO=false.
import { getDb } from '../db';
import type { PartyRole, UserRole } from '../generated/prisma/client';

export const DEMO_COMPANIES: { eori: string; name: string; street: string; city: string; postcode: string; country: string; roles: PartyRole[] }[] = [
  { eori: 'NL123456789', name: 'Rotterdam Importers B.V.', street: 'Waalhaven Zuidzijde 10', city: 'Rotterdam', postcode: '3089 JH', country: 'NL', roles: ['IMPORTER'] },
  { eori: 'CN440300123456789', name: 'Shenzhen Bright Electronics Co., Ltd.', street: '88 Keji Road', city: 'Shenzhen', postcode: '518057', country: 'CN', roles: ['EXPORTER'] },
  { eori: 'NL987654321', name: 'Delta Customs Brokers B.V.', street: 'Maasvlakte Plaza 1', city: 'Rotterdam', postcode: '3199 LZ', country: 'NL', roles: ['BROKER'] },
  { eori: 'KE000111222', name: 'Mombasa Coffee Exporters Ltd', street: 'Moi Avenue 12', city: 'Mombasa', postcode: '80100', country: 'KE', roles: ['EXPORTER'] },
  { eori: 'UG100200300', name: 'Kampala Trading Company Ltd', street: 'Jinja Road 45', city: 'Kampala', postcode: '00256', country: 'UG', roles: ['IMPORTER', 'EXPORTER'] },
  { eori: 'DK555666777', name: 'Northsea Container Line A/S', street: 'Esplanaden 50', city: 'Copenhagen', postcode: '1263', country: 'DK', roles: ['CARRIER'] },
];

export const DEMO_USERS: { email: string; name: string; role: UserRole; companyEori: string | null }[] = [
  { email: 'trader@rotterdam-importers.example', name: 'Sanne de Vries', role: 'TRADER', companyEori: 'NL123456789' },
  { email: 'exports@bright-electronics.example', name: 'Li Wei', role: 'TRADER', companyEori: 'CN440300123456789' },
  { email: 'broker@delta-brokers.example', name: 'Pieter Jansen', role: 'BROKER', companyEori: 'NL987654321' },
  { email: 'trader@kampala-trading.example', name: 'Grace Namusoke', role: 'TRADER', companyEori: 'UG100200300' },
  { email: 'officer@customs.example', name: 'Officer Amal Haddad', role: 'OFFICER', companyEori: null },
  { email: 'admin@clearway.example', name: 'Platform Admin', role: 'ADMIN', companyEori: null },
];

export async function seedDemoParties(): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const c of DEMO_COMPANIES) {
      const row = await tx.company.upsert({ where: { eori: c.eori }, create: c, update: {}, select: { id: true } });
      ids.set(c.eori, row.id);
    }
    for (const u of DEMO_USERS) {
      const companyId = u.companyEori ? ids.get(u.companyEori)! : null;
      await tx.user.upsert({ where: { email: u.email }, create: { email: u.email, name: u.name, role: u.role, companyId }, update: {} });
    }
  });
}
