// About fifty demo declarations spread over every state of the lifecycle, made through the same
// functions people and apps use (so they pass the same validation, risk engine and tariff). Runs once:
// skipped when demo declarations exist.
import { loadUserActor, type Actor } from '../auth/actor';
import { getDb } from '../db';
import { answerQuery } from './answer-query';
import { assessDuties } from './assess-duties';
import { createDeclarationDraft } from './create-declaration-draft';
import { decideCancellation } from './decide-cancellation';
import { decideDeclaration } from './decide-declaration';
import { recordNoDiscrepancyIfControlled } from '../risk/record-no-discrepancy-if-controlled';
import type { DeclarationInput } from './declaration-input';
import { raiseQuery } from './raise-query';
import { recordPayment } from './record-payment';
import { requestCancellation } from './request-cancellation';
import { submitDeclaration } from './submit-declaration';

type Goods = { code: string; description: string; origin: string; pricePerKg: number; unit?: string; perUnitKg?: number };

const CATALOGUE: Goods[] = [
  { code: '84713000', description: 'Laptop computers, 14 inch', origin: 'CN', pricePerKg: 220, unit: 'NAR', perUnitKg: 2.5 },
  { code: '85171300', description: 'Smartphones, 128 GB', origin: 'CN', pricePerKg: 900, unit: 'NAR', perUnitKg: 0.4 },
  { code: '09012100', description: 'Roasted arabica coffee beans', origin: 'KE', pricePerKg: 9 },
  { code: '09011100', description: 'Green coffee beans, washed arabica', origin: 'UG', pricePerKg: 5 },
  { code: '61091000', description: 'Cotton T-shirts, assorted sizes', origin: 'BD', pricePerKg: 14, unit: 'NAR', perUnitKg: 0.2 },
  { code: '64039100', description: 'Leather ankle boots', origin: 'VN', pricePerKg: 30, unit: 'PR', perUnitKg: 1.5 },
  { code: '40111000', description: 'Passenger car tyres 205/55 R16', origin: 'TH', pricePerKg: 6, unit: 'NAR', perUnitKg: 9 },
  { code: '94036010', description: 'Solid oak dining tables', origin: 'ID', pricePerKg: 7 },
  { code: '73181595', description: 'Steel hex bolts M12', origin: 'IN', pricePerKg: 2.2 },
  { code: '18069019', description: 'Dark chocolate blocks', origin: 'GH', pricePerKg: 6 },
];

// Which path each demo declaration takes. Origins on the watch list or sensitive chapters go RED.
type Path = 'draft' | 'green' | 'paid' | 'released' | 'control' | 'query' | 'answered' | 'rejected' | 'cancel-requested' | 'cancelled';
const PLAN: [Path, number][] = [
  ['draft', 6], ['green', 6], ['paid', 4], ['released', 12], ['control', 6], ['query', 4], ['answered', 3], ['rejected', 4], ['cancel-requested', 2], ['cancelled', 3],
];

function declaration(n: number, risky: boolean): DeclarationInput {
  const goods = [CATALOGUE[n % CATALOGUE.length]!, CATALOGUE[(n * 7 + 3) % CATALOGUE.length]!];
  const items = goods.map((g, i) => {
    const net = 200 + ((n * 37 + i * 101) % 1800);
    const units = g.perUnitKg ? Math.round(net / g.perUnitKg) : null;
    return {
      commodityCode: g.code,
      description: g.description,
      originCountry: risky && i === 0 ? 'IR' : g.origin,
      preferenceCode: '100',
      packageKind: 'CT',
      packageCount: 10 + ((n + i) % 40),
      grossMass: String(Math.round(net * 1.08)),
      netMass: String(net),
      supplementaryQuantity: units === null ? null : String(units),
      supplementaryUnit: units === null ? null : g.unit!,
      itemPrice: (net * g.pricePerKg).toFixed(2),
    };
  });
  const invoice = items.reduce((acc, i) => acc + Number(i.itemPrice), 0);
  return {
    lrn: `DEMO-${String(n).padStart(4, '0')}`,
    type: 'IM',
    additionalType: 'A',
    procedureCode: '4000',
    additionalProcedure: '000',
    importerEori: 'NL123456789',
    exporterEori: 'CN440300123456789',
    representativeEori: n % 3 === 0 ? 'NL987654321' : null,
    representationStatus: n % 3 === 0 ? 'DIRECT' : null,
    incoterm: ['FOB', 'CIF', 'EXW', 'FCA'][n % 4],
    incotermPlace: ['CNSHA', 'CNSZX', 'KEMBA', 'VNSGN'][n % 4],
    transportMode: 1,
    transportDocument: `MEDU${String(700000 + n * 13)}`,
    officeOfEntry: 'NL000396',
    officeOfDeclaration: 'NL000396',
    invoiceCurrency: 'USD',
    invoiceAmount: invoice.toFixed(2),
    exchangeRate: '0.920000',
    freight: (800 + (n % 5) * 150).toFixed(2),
    insurance: (invoice * 0.003).toFixed(2),
    totalPackages: items.reduce((acc, i) => acc + i.packageCount, 0),
    grossMass: String(items.reduce((acc, i) => acc + Number(i.grossMass), 0)),
    containers: [{ containerNumber: 'CSQU3054383', seals: [`CN${String(1000000 + n)}`] }],
    items,
  };
}

export async function seedDemoDeclarations(): Promise<number> {
  if ((await getDb().declaration.count({ where: { lrn: { startsWith: 'DEMO-' } } })) > 0) return 0;
  const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
  const officer = await loadUserActor({ email: 'officer@customs.example' });
  let n = 0;
  for (const [path, count] of PLAN) {
    for (let i = 0; i < count; i++) {
      n++;
      const risky = ['control', 'query', 'answered', 'rejected'].includes(path);
      await follow(path, declaration(n, risky), trader, officer);
    }
  }
  return n;
}

async function follow(path: Path, input: DeclarationInput, trader: Actor, officer: Actor): Promise<void> {
  const { id } = await createDeclarationDraft({ actor: trader, input });
  if (path === 'draft') return;
  await submitDeclaration({ actor: trader, id });
  const status = async () => (await getDb().declaration.findUniqueOrThrow({ where: { id } })).status;
  const pay = async () => {
    if ((await status()) !== 'DUTY_ASSESSED') await assessDuties({ actor: officer, id });
    const due = (await getDb().declaration.findUniqueOrThrow({ where: { id } })).dutyTotal!;
    await recordPayment({ actor: officer, id, amount: due.toFixed(2), reference: `NL-PAY-${id.slice(0, 8).toUpperCase()}` });
  };
  switch (path) {
    case 'green':
    case 'control':
      return;
    case 'paid':
      return pay();
    case 'released':
      await pay();
      await recordNoDiscrepancyIfControlled(officer, id);
      await decideDeclaration({ actor: officer, id, decision: 'RELEASED' });
      return;
    case 'query':
      await raiseQuery({ actor: officer, id, question: 'Please provide the certificate of origin for item 1.' });
      return;
    case 'answered':
      await raiseQuery({ actor: officer, id, question: 'Please provide the packing list.' });
      await answerQuery({ actor: trader, id, answer: 'Packing list PL-2026-118 sent by e-mail and attached.' });
      return;
    case 'rejected':
      await decideDeclaration({ actor: officer, id, decision: 'REJECTED', reason: 'Goods of Iranian origin under sanctions without an authorisation.' });
      return;
    case 'cancel-requested':
      await requestCancellation({ actor: trader, id, reason: 'Shipment postponed by the supplier.' });
      return;
    case 'cancelled':
      await requestCancellation({ actor: trader, id, reason: 'Declared twice by mistake.' });
      await decideCancellation({ actor: officer, id, grant: true, reason: 'Duplicate confirmed.' });
      return;
  }
}
