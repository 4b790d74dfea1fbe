// Demo declarations in every state of the single window, made through the functions people use (so
// they pass the same validation, requirement lookup, release gate and quantity moves): a declaration
// waiting for a permit, one whose application is submitted, one the agency asked about, one approved
// (certificate) and released, a rejected application, a disclaimed requirement (bananas), and a garlic quota
// licence partly drawn by one released declaration with another still reserving. Runs once: skipped
// when its declarations exist. docs/permits.md lists them.
import { loadUserActor, type Actor } from '../auth/actor';
import { assessDuties } from '../declarations/assess-duties';
import { createDeclarationDraft } from '../declarations/create-declaration-draft';
import { decideDeclaration } from '../declarations/decide-declaration';
import type { DeclarationInput } from '../declarations/declaration-input';
import { recordPayment } from '../declarations/record-payment';
import { submitDeclaration } from '../declarations/submit-declaration';
import { getDb } from '../db';
import { recordNoDiscrepancyIfControlled } from '../risk/record-no-discrepancy-if-controlled';
import { applyForPermit } from './apply-for-permit';
import { citePermit } from './cite-permit';
import { confirmExternalPermitReference } from './confirm-external-permit-reference';
import { decidePermitApplication } from './decide-permit-application';

export const DEMO_PERMIT_LRN_PREFIX = 'DEMO-PERMIT-';

interface Good {
  code: string;
  description: string;
  origin: string;
  netKg: number;
  pricePerKg: number;
}

function declaration(lrn: string, g: Good): DeclarationInput {
  const price = (g.netKg * g.pricePerKg).toFixed(2);
  return {
    lrn: `${DEMO_PERMIT_LRN_PREFIX}${lrn}`,
    type: 'IM',
    additionalType: 'A',
    procedureCode: '4000',
    additionalProcedure: '000',
    importerEori: 'NL123456789',
    exporterEori: 'CN440300123456789',
    incoterm: 'CIF',
    incotermPlace: 'NLRTM',
    transportMode: 1,
    transportDocument: `MEDU9${lrn.replace(/\D/g, '').padStart(6, '0')}`,
    officeOfEntry: 'NL000396',
    officeOfDeclaration: 'NL000396',
    invoiceCurrency: 'EUR',
    invoiceAmount: price,
    exchangeRate: '1.000000',
    freight: '900.00',
    insurance: '45.00',
    totalPackages: 40,
    grossMass: String(Math.round(g.netKg * 1.05)),
    containers: [{ containerNumber: 'CSQU3054383', seals: [`BR${lrn.replace(/\D/g, '').padStart(7, '0')}`] }],
    items: [
      {
        commodityCode: g.code,
        description: g.description,
        originCountry: g.origin,
        preferenceCode: '100',
        packageKind: 'CT',
        packageCount: 40,
        grossMass: String(Math.round(g.netKg * 1.05)),
        netMass: String(g.netKg),
        itemPrice: price,
      },
    ],
  };
}

const BEEF = { code: '02023090', description: 'Frozen boneless beef cuts', pricePerKg: 7 };
const GARLIC = { code: '07032000', description: 'Fresh white garlic bulbs', origin: 'CN', pricePerKg: 1.2 };

async function release(officer: Actor, id: string): Promise<void> {
  const d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
  if (d.status !== 'DUTY_ASSESSED') await assessDuties({ actor: officer, id });
  const due = (await getDb().declaration.findUniqueOrThrow({ where: { id } })).dutyTotal!;
  await recordPayment({ actor: officer, id, amount: due.toFixed(2), reference: `NL-PAY-${id.slice(0, 8).toUpperCase()}` });
  await recordNoDiscrepancyIfControlled(officer, id);
  await decideDeclaration({ actor: officer, id, decision: 'RELEASED' });
}

/** Returns how many declarations it made (0 when they exist already). */
export async function seedDemoPermitDeclarations(): Promise<number> {
  if ((await getDb().declaration.count({ where: { lrn: { startsWith: DEMO_PERMIT_LRN_PREFIX } } })) > 0) return 0;
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const officer = await loadUserActor({ email: 'officer@customs.example' });
  const vet = await loadUserActor({ email: 'vet.officer@vet.example' });
  const plant = await loadUserActor({ email: 'plant.officer@plant.example' });
  const agri = await loadUserActor({ email: 'agri.officer@agri.example' });
  const file = async (lrn: string, g: Good, beforeSubmit?: (id: string) => Promise<void>) => {
    const { id } = await createDeclarationDraft({ actor: trader, input: declaration(lrn, g) });
    await beforeSubmit?.(id);
    await submitDeclaration({ actor: trader, id });
    return id;
  };
  const apply = (declarationId: string, ruleKey: string) => applyForPermit({ actor: trader, input: { ruleKey, declarationId, submit: true, purpose: 'Demo application.' } });

  // 1. Waiting for a permit: nothing cited, nothing applied for (release is held: MISSING).
  await file('01', { ...BEEF, origin: 'BR', netKg: 18000 });
  // 2. Applied: the veterinary service has it in its queue (PENDING).
  const applied = await file('02', { ...BEEF, origin: 'AR', netKg: 12000 });
  await apply(applied, 'vet-02-import');
  // 3. Information requested by the veterinary service.
  const asked = await file('03', { ...BEEF, origin: 'UY', netKg: 9000 });
  const askedApp = await apply(asked, 'vet-02-import');
  await decidePermitApplication({ actor: vet, id: askedApp.id, input: { decision: 'REQUEST_INFO', reason: 'Send the establishment approval number of the slaughterhouse.' } });
  // 4. Approved (certificate PDF) and then released.
  const approved = await file('04', { ...BEEF, origin: 'BR', netKg: 15000 });
  const approvedApp = await apply(approved, 'vet-02-import');
  await decidePermitApplication({ actor: vet, id: approvedApp.id, input: { decision: 'APPROVE', reason: 'Health certificate and border check in order.' } });
  await release(officer, approved);
  // 5. Rejected: the exporting establishment is not on the approved list.
  const rejected = await file('05', { ...BEEF, origin: 'PY', netKg: 7000 });
  const rejectedApp = await apply(rejected, 'vet-02-import');
  await decidePermitApplication({ actor: vet, id: rejectedApp.id, input: { decision: 'REJECT', reason: 'The slaughterhouse named is not on the list of establishments approved for export to the Union.' } });
  // 6. Disclaimed: bananas under the MAY_BE_REQUIRED phytosanitary rule for fruit (bananas are exempt
  // from a phytosanitary certificate, Implementing Regulation (EU) 2019/2072, Annex XI Part C).
  await file('06', { code: '08039010', description: 'Fresh bananas, Cavendish', origin: 'CO', netKg: 20000, pricePerKg: 0.8 }, async (id) => {
    await citePermit({ actor: trader, input: { declarationId: id, itemSequence: 1, ruleKey: 'plant-08-import', disclaimCode: 'B', disclaimReason: 'Bananas are exempt from a phytosanitary certificate (Implementing Regulation (EU) 2019/2072, Annex XI Part C).' } });
  });
  // 7. A garlic tariff-quota licence for 10,000 kg, partly drawn: one declaration released (2,500 kg
  // drawn), one waiting (1,500 kg reserved). Garlic also needs a phytosanitary certificate, given as an
  // external reference the plant protection service confirmed.
  const licence = await applyForPermit({ actor: trader, input: { ruleKey: 'agri-garlic-quota', goods: [{ commodityCode: GARLIC.code, description: GARLIC.description, originCountry: 'CN', quantity: '10000' }], submit: true } });
  const decided = await decidePermitApplication({ actor: agri, id: licence.id, input: { decision: 'APPROVE', reason: 'Quota licence for the second quarter.' } });
  const permit = await getDb().permit.findUniqueOrThrow({ where: { applicationId: decided.id } });
  const garlic = async (lrn: string, netKg: number) =>
    file(lrn, { ...GARLIC, netKg }, async (id) => {
      await citePermit({ actor: trader, input: { declarationId: id, itemSequence: 1, ruleKey: 'agri-garlic-quota', permitNumber: permit.number } });
      await citePermit({ actor: trader, input: { declarationId: id, itemSequence: 1, ruleKey: 'plant-07-import', externalReference: `CN-PHYTO-2026-${lrn}` } });
    });
  const drawn = await garlic('07', 2500);
  const reserved = await garlic('08', 1500);
  for (const id of [drawn, reserved]) {
    const q = await getDb().declarationPermitRequirement.findFirstOrThrow({ where: { declarationId: id, externalReference: { not: null } } });
    await confirmExternalPermitReference({ actor: plant, requirementId: q.id });
  }
  await release(officer, drawn);
  return 8;
}
