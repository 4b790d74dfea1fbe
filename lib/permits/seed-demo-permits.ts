// Demo agencies, requirement rules over HS 2022 and one agency officer per agency (fictional agencies,
// realistic rules), so that the single window can be tried at once. Idempotent: agencies and officers
// upsert by code and email; a rule is written (version 1) only when its key is new. docs/permits.md
// lists the rules; docs/identity.md the officers (password DEMO_PASSWORD).
import { hashPassword } from '../auth/password';
import { getDb } from '../db';
import type { AgencyKind } from '../generated/prisma/client';
import { DEMO_PASSWORD } from '../parties/seed-demo-parties';
import type { PermitRuleValues } from './permit-rule-input';
import { ruleSnapshot } from './permit-rule-view';

export const DEMO_AGENCIES: { code: string; name: string; kind: AgencyKind; contactEmail: string; officer: { email: string; name: string } }[] = [
  { code: 'VET', name: 'Veterinary Border Inspection Service', kind: 'VETERINARY', contactEmail: 'bip@vet.example', officer: { email: 'vet.officer@vet.example', name: 'Dr. Joris Willems' } },
  { code: 'PLANT', name: 'Plant Protection Service', kind: 'PLANT_HEALTH', contactEmail: 'phyto@plant.example', officer: { email: 'plant.officer@plant.example', name: 'Fatima el Amrani' } },
  { code: 'MEDS', name: 'Medicines Evaluation Agency', kind: 'HEALTH', contactEmail: 'import@meds.example', officer: { email: 'meds.officer@meds.example', name: 'Dr. Anna Kowalski' } },
  { code: 'RADIO', name: 'Radio Spectrum and Conformity Authority', kind: 'CONFORMITY', contactEmail: 'conformity@radio.example', officer: { email: 'radio.officer@radio.example', name: 'Tom Verbeek' } },
  { code: 'CITES', name: 'CITES Management Authority', kind: 'WILDLIFE', contactEmail: 'cites@wildlife.example', officer: { email: 'cites.officer@wildlife.example', name: 'Mariam Okafor' } },
  { code: 'STRAT', name: 'Strategic Goods Export Control Office', kind: 'STRATEGIC_GOODS', contactEmail: 'licensing@strat.example', officer: { email: 'strat.officer@strat.example', name: 'Henk de Groot' } },
  { code: 'AGRI', name: 'Agricultural Import Licensing Office', kind: 'OTHER', contactEmail: 'licences@agri.example', officer: { email: 'agri.officer@agri.example', name: 'Lotte Jansen' } },
];

type Rule = Omit<PermitRuleValues, 'originInclude' | 'originExclude' | 'procedureCodes' | 'quantityManaged'> & Partial<Pick<PermitRuleValues, 'originInclude' | 'originExclude' | 'procedureCodes' | 'quantityManaged'>>;

const VET_BASIS = 'Regulation (EU) 2017/625 (official controls), art. 47; Delegated Regulation (EU) 2019/625';
const PLANT_BASIS = 'Regulation (EU) 2016/2031 (plant health), art. 71–72';
const vet = (hsPrefix: string, what: string): Rule => ({ key: `vet-${hsPrefix}-import`, agencyCode: 'VET', documentCode: '853', hsPrefix, direction: 'IMPORT', severity: 'REQUIRED', validityDays: 30, legalBasis: VET_BASIS, reason: `${what} need a veterinary health certificate and a border check.` });
const plant = (hsPrefix: string, what: string): Rule => ({ key: `plant-${hsPrefix}-import`, agencyCode: 'PLANT', documentCode: '851', hsPrefix, direction: 'IMPORT', severity: 'REQUIRED', validityDays: 14, legalBasis: PLANT_BASIS, reason: `${what} need a phytosanitary certificate from the country of origin.` });

export const DEMO_RULES: Rule[] = [
  vet('01', 'Live animals'),
  vet('02', 'Meat and edible offal'),
  vet('03', 'Fish and aquatic invertebrates'),
  vet('04', 'Dairy produce, eggs and honey'),
  vet('05', 'Other products of animal origin'),
  vet('16', 'Preparations of meat and fish'),
  plant('06', 'Live plants and cut flowers'),
  plant('07', 'Fresh vegetables'),
  { ...plant('08', 'Fresh fruit and nuts'), severity: 'MAY_BE_REQUIRED', reason: 'Fresh fruit needs a phytosanitary certificate; dried or processed fruit may be disclaimed (code A).' },
  plant('10', 'Cereals'),
  plant('12', 'Oil seeds, seeds for sowing and fodder'),
  plant('14', 'Vegetable plaiting materials'),
  { key: 'meds-3004-import', agencyCode: 'MEDS', documentCode: '911', hsPrefix: '3004', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 365, legalBasis: 'Directive 2001/83/EC, art. 40 (manufacturing and import authorisation)', reason: 'Medicaments for retail sale need an import authorisation of the medicines agency.' },
  { key: 'meds-3002-import', agencyCode: 'MEDS', documentCode: '911', hsPrefix: '3002', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 180, legalBasis: 'Directive 2001/83/EC, art. 40; art. 114 (vaccines, blood products)', reason: 'Vaccines, blood and immunological products need an import authorisation.' },
  { key: 'radio-851762-import', agencyCode: 'RADIO', documentCode: '2', hsPrefix: '851762', direction: 'IMPORT', severity: 'MAY_BE_REQUIRED', validityDays: 730, legalBasis: 'Directive 2014/53/EU (radio equipment), art. 10 and 17', reason: 'Radio transmitters and receivers need a certificate of conformity; equipment without a radio module may be disclaimed (code A).' },
  { key: 'radio-852560-import', agencyCode: 'RADIO', documentCode: '2', hsPrefix: '852560', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 730, legalBasis: 'Directive 2014/53/EU (radio equipment), art. 10 and 17', reason: 'Transmission apparatus with reception need a certificate of conformity.' },
  { key: 'cites-0106-import', agencyCode: 'CITES', documentCode: '911', hsPrefix: '010620', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 180, legalBasis: 'Regulation (EC) No 338/97 (CITES), art. 4', reason: 'Live reptiles (e.g. tortoises, pythons) of CITES-listed species need an import permit.' },
  { key: 'cites-9601-import', agencyCode: 'CITES', documentCode: '911', hsPrefix: '960110', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 180, legalBasis: 'Regulation (EC) No 338/97 (CITES), art. 4', reason: 'Worked ivory needs a CITES import permit.' },
  { key: 'cites-4103-import', agencyCode: 'CITES', documentCode: '911', hsPrefix: '410320', direction: 'IMPORT', severity: 'MAY_BE_REQUIRED', validityDays: 180, legalBasis: 'Regulation (EC) No 338/97 (CITES), art. 4', reason: 'Reptile skins need a CITES permit unless of a non-listed species (disclaim code A).' },
  { key: 'strat-8401-export', agencyCode: 'STRAT', documentCode: '811', hsPrefix: '8401', direction: 'EXPORT', severity: 'REQUIRED', validityDays: 365, legalBasis: 'Regulation (EU) 2021/821 (dual-use items), Annex I category 0', reason: 'Nuclear reactors and their parts need an export licence.', quantityManaged: true, quantityUnit: 'NAR' },
  { key: 'strat-852610-export', agencyCode: 'STRAT', documentCode: '811', hsPrefix: '852610', direction: 'EXPORT', severity: 'REQUIRED', validityDays: 365, legalBasis: 'Regulation (EU) 2021/821, Annex I category 6 (sensors, radar)', reason: 'Radar apparatus needs a dual-use export licence.' },
  { key: 'strat-9301-export', agencyCode: 'STRAT', documentCode: '811', hsPrefix: '9301', direction: 'EXPORT', severity: 'REQUIRED', validityDays: 180, legalBasis: 'Council Common Position 2008/944/CFSP; Directive 2009/43/EC', reason: 'Military weapons need an export licence.', quantityManaged: true, quantityUnit: 'NAR' },
  { key: 'strat-9306-export', agencyCode: 'STRAT', documentCode: '811', hsPrefix: '9306', direction: 'EXPORT', severity: 'REQUIRED', validityDays: 180, legalBasis: 'Council Common Position 2008/944/CFSP; Directive 2009/43/EC', reason: 'Munitions need an export licence.', quantityManaged: true, quantityUnit: 'NAR' },
  { key: 'agri-garlic-quota', agencyCode: 'AGRI', documentCode: '911', hsPrefix: '07032000', direction: 'IMPORT', originExclude: ['AR'], severity: 'REQUIRED', validityDays: 90, legalBasis: 'Implementing Regulation (EU) 2020/761 (tariff quota licences), garlic quota', reason: 'Garlic is imported under a tariff quota: an import licence for the quantity is drawn at release.', quantityManaged: true, quantityUnit: 'KGM' },
];

export async function seedDemoPermits(): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    for (const a of DEMO_AGENCIES) {
      const agency = await tx.agency.upsert({ where: { code: a.code }, create: { code: a.code, name: a.name, kind: a.kind, contactEmail: a.contactEmail }, update: {}, select: { id: true } });
      await tx.user.upsert({ where: { email: a.officer.email }, create: { email: a.officer.email, name: a.officer.name, role: 'AGENCY_OFFICER', agencyId: agency.id, passwordHash }, update: {} });
    }
    const agencies = new Map((await tx.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
    for (const r of DEMO_RULES) {
      if (await tx.permitRule.findUnique({ where: { key: r.key }, select: { id: true } })) continue;
      const { agencyCode, ...fields } = r;
      const rule = await tx.permitRule.create({
        data: { ...fields, originInclude: r.originInclude ?? [], originExclude: r.originExclude ?? [], procedureCodes: r.procedureCodes ?? [], quantityManaged: r.quantityManaged ?? false, quantityUnit: r.quantityUnit ?? null, agencyId: agencies.get(agencyCode)!, version: 1 },
        include: { agency: true },
      });
      await tx.permitRuleVersion.create({ data: { ruleId: rule.id, version: 1, snapshot: ruleSnapshot(rule) as object } });
    }
  });
}
