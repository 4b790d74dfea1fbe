// What a declaration needs before it can be submitted, beyond the format checks of a draft. Works on
// plain data (from Prisma or from SQL rows) and reads the tariff through `Sql`.
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { loadTariffLines, quantityProblems, resolveTariffLine } from '../tariff/compute-duties';
import { cataloguedMessage } from '../i18n/catalogued-message';

type DecimalLike = Prisma.Decimal | string;

export interface CompletenessSubject {
  type: 'IM' | 'EX' | 'CO';
  procedureCode: string | null;
  officeOfDeclaration: string | null;
  officeOfEntry: string | null;
  officeOfExit: string | null;
  incoterm: string | null;
  incotermPlace: string | null;
  transportMode: number | null;
  transportDocument: string | null;
  invoiceCurrency: string | null;
  invoiceAmount: DecimalLike | null;
  exchangeRate: DecimalLike | null;
  totalPackages: number | null;
  grossMass: DecimalLike | null;
  importerId: string | null;
  exporterId: string | null;
  items: {
    sequence: number;
    commodityCode: string;
    itemPrice: DecimalLike;
    packageCount: number;
    grossMass: DecimalLike;
    supplementaryQuantity: DecimalLike | null;
    supplementaryUnit: string | null;
  }[];
}

const REQUIRED: [keyof CompletenessSubject, string][] = [
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

const PATH_OF: Partial<Record<keyof CompletenessSubject, string>> = { importerId: 'importerEori', exporterId: 'exporterEori' };
const D = Prisma.Decimal;

export async function checkCompleteness(sql: Sql, d: CompletenessSubject, preloaded?: Awaited<ReturnType<typeof loadTariffLines>>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const need = (field: keyof CompletenessSubject, what: string) => {
    if (d[field] === null || d[field] === undefined) errors.push({ path: [PATH_OF[field] ?? field], code: 'REQUIRED', message: `Give ${what} before submitting.` });
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
  if (d.items.length === 0) errors.push({ path: ['items'], code: 'REQUIRED', ...cataloguedMessage('declaration.needsItem') });

  // Every commodity code must name an HS 2022 subheading (its first 6 digits), and the national line
  // where the tariff divides the subheading.
  const subheadings = [...new Set(d.items.map((i) => i.commodityCode.slice(0, 6)))];
  const [known, lines] = await Promise.all([
    subheadings.length ? sql<{ code: string }>(`SELECT code FROM hs_code WHERE code = ANY($1::text[]) AND level = 6`, [subheadings]) : [],
    preloaded ?? loadTariffLines(sql, d.items.map((i) => i.commodityCode)),
  ]);
  const knownCodes = new Set(known.map((c) => c.code));
  for (const item of d.items) {
    const path = ['items', String(item.sequence - 1)];
    if (!knownCodes.has(item.commodityCode.slice(0, 6))) {
      errors.push({ path: [...path, 'commodityCode'], code: 'UNKNOWN', ...cataloguedMessage('declaration.notInTariff', { code: item.commodityCode, subheading: item.commodityCode.slice(0, 6) }) });
      continue;
    }
    const { line, problem } = resolveTariffLine(item.commodityCode, lines);
    if (problem) errors.push({ path: [...path, 'commodityCode'], code: 'INVALID', message: problem });
    else errors.push(...quantityProblems(item, line, path));
  }

  const sum = (pick: (i: CompletenessSubject['items'][number]) => DecimalLike) => d.items.reduce((acc, i) => acc.add(new D(pick(i).toString())), new D(0));
  if (d.invoiceAmount != null && d.items.length) {
    const prices = sum((i) => i.itemPrice);
    const invoice = new D(d.invoiceAmount.toString());
    if (!prices.equals(invoice)) {
      errors.push({ path: ['invoiceAmount'], code: 'MISMATCH', ...cataloguedMessage('declaration.pricesMismatch', { prices: prices.toFixed(2), invoice: invoice.toFixed(2) }) });
    }
  }
  if (d.totalPackages !== null && d.items.length) {
    const packages = d.items.reduce((acc, i) => acc + i.packageCount, 0);
    if (packages !== d.totalPackages) {
      errors.push({ path: ['totalPackages'], code: 'MISMATCH', ...cataloguedMessage('declaration.packagesMismatch', { packages, total: d.totalPackages }) });
    }
  }
  if (d.grossMass != null && d.items.length) {
    const mass = sum((i) => i.grossMass);
    const total = new D(d.grossMass.toString());
    if (mass.greaterThan(total)) {
      errors.push({ path: ['grossMass'], code: 'MISMATCH', ...cataloguedMessage('declaration.grossMassExceeded', { mass: mass.toFixed(3), total: total.toFixed(3) }) });
    }
  }
  return errors;
}
