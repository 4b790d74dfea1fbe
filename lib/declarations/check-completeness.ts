// What a declaration needs before it can be submitted, beyond the format checks of a draft.
import type { Tx } from '../audit';
import type { FieldError } from '../errors';
import type { Declaration, GoodsItem, TransportEquipment } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';
import { loadTariffLines, quantityProblems, resolveTariffLine } from '../tariff/compute-duties';

type Full = Declaration & { items: GoodsItem[]; containers: TransportEquipment[] };

const REQUIRED: [keyof Declaration, string][] = [
  ['procedureCode', 'the procedure code'],
  ['officeOfDeclaration', 'the customs office of declaration'],
  ['incoterm', 'the Incoterms rule'],
  ['incotermPlace', 'the Incoterms place'],
  ['transportMode', 'the mode of transport at the border'],
  ['transportDocument', 'the transport document number'],
  ['invoiceCurrency', 'the invoice currency'],
  ['invoiceAmount', 'the invoice amount'],
  ['exchangeRate', 'the exchange rate'],
  ['totalPackages', 'the total number of packages'],
  ['grossMass', 'the total gross mass'],
];

const PATH_OF: Partial<Record<keyof Declaration, string>> = { importerId: 'importerEori', exporterId: 'exporterEori' };

export async function checkCompleteness(tx: Tx, d: Full): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const need = (field: keyof Declaration, what: string) => {
    if (d[field] === null || d[field] === undefined) errors.push({ path: [PATH_OF[field] ?? field], code: 'required', message: `Give ${what} before submitting.` });
  };
  for (const [field, what] of REQUIRED) need(field, what);
  if (d.type === 'IM') {
    need('importerId', 'the importer (EORI)');
    need('officeOfEntry', 'the customs office of entry');
  }
  if (d.type === 'EX') {
    need('exporterId', 'the exporter (EORI)');
    need('officeOfExit', 'the customs office of exit');
  }
  if (d.items.length === 0) errors.push({ path: ['items'], code: 'required', message: 'A declaration needs at least one goods item.' });

  // Every commodity code must name an HS 2022 subheading (its first 6 digits).
  const subheadings = [...new Set(d.items.map((i) => i.commodityCode.slice(0, 6)))];
  const known = new Set((await tx.hsCode.findMany({ where: { code: { in: subheadings }, level: 6 }, select: { code: true } })).map((c) => c.code));
  const lines = await loadTariffLines(tx, d.items.map((i) => i.commodityCode));
  for (const item of d.items) {
    const path = ['items', String(item.sequence - 1)];
    if (!known.has(item.commodityCode.slice(0, 6))) {
      errors.push({ path: [...path, 'commodityCode'], code: 'unknown_code', message: `${item.commodityCode} is not in the tariff: ${item.commodityCode.slice(0, 6)} is no HS 2022 subheading.` });
      continue;
    }
    const { line, problem } = resolveTariffLine(item.commodityCode, lines);
    if (problem) errors.push({ path: [...path, 'commodityCode'], code: 'national_line', message: problem });
    else errors.push(...quantityProblems(item, line, path));
  }

  const sum = (pick: (i: GoodsItem) => Prisma.Decimal | number) => d.items.reduce((acc, i) => acc.add(pick(i)), new Prisma.Decimal(0));
  if (d.invoiceAmount && d.items.length) {
    const prices = sum((i) => i.itemPrice);
    if (!prices.equals(d.invoiceAmount)) {
      errors.push({ path: ['invoiceAmount'], code: 'mismatch', message: `The items' prices add up to ${prices.toFixed(2)} but the invoice amount is ${d.invoiceAmount.toFixed(2)}.` });
    }
  }
  if (d.totalPackages !== null && d.items.length) {
    const packages = d.items.reduce((acc, i) => acc + i.packageCount, 0);
    if (packages !== d.totalPackages) {
      errors.push({ path: ['totalPackages'], code: 'mismatch', message: `The items count ${packages} packages but the total says ${d.totalPackages}.` });
    }
  }
  if (d.grossMass && d.items.length) {
    const mass = sum((i) => i.grossMass);
    if (mass.greaterThan(d.grossMass)) {
      errors.push({ path: ['grossMass'], code: 'mismatch', message: `The items weigh ${mass.toFixed(3)} kg gross, more than the declared total of ${d.grossMass.toFixed(3)} kg.` });
    }
  }
  return errors;
}
