// Duties and taxes of goods items from the national tariff's measures. Pure arithmetic on decimals
// (no floating point); `loadTariffLines` fetches what it needs in one query.
import type { Tx } from '../audit';
import type { FieldError } from '../errors';
import { Prisma, type DutyMeasure, type TariffLine } from '../generated/prisma/client';
import { formatHsCode } from './get-hs-code';
import { STANDARD_VAT_PERCENT } from './demo-tariff';

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
export type LineWithMeasures = TariffLine & { measures: DutyMeasure[] };

export interface DutyItem {
  commodityCode: string;
  originCountry: string;
  preferenceCode?: string | null;
  netMass: Decimal | string;
  supplementaryQuantity?: Decimal | string | null;
  /** National currency. */
  customsValue: Decimal | string;
}

export interface ComputedDutyLine {
  taxType: 'DUTY' | 'VAT' | 'EXCISE';
  base: Decimal;
  rate: string;
  amount: Decimal;
}

/** National lines by code, and by HS subheading, for the given commodity codes. */
export async function loadTariffLines(db: Pick<Tx, 'tariffLine'>, codes: string[]): Promise<{ byCode: Map<string, LineWithMeasures>; byHs: Map<string, LineWithMeasures[]> }> {
  const hs = [...new Set(codes.map((c) => c.slice(0, 6)))];
  const lines = await db.tariffLine.findMany({ where: { hsCode: { in: hs } }, include: { measures: true }, orderBy: { code: 'asc' } });
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const byHs = new Map<string, LineWithMeasures[]>();
  for (const l of lines) byHs.set(l.hsCode, [...(byHs.get(l.hsCode) ?? []), l]);
  return { byCode, byHs };
}

/**
 * The national line an item's code designates, or a problem: a subheading divided into national
 * lines needs its 8-digit line; an 8- or 10-digit code must exist.
 */
export function resolveTariffLine(code: string, lines: Awaited<ReturnType<typeof loadTariffLines>>): { line: LineWithMeasures | null; problem?: string } {
  if (code.length === 6) {
    const national = lines.byHs.get(code) ?? [];
    if (national.length) return { line: null, problem: `${formatHsCode(code)} is divided in the national tariff: give one of its lines (${national.map((l) => l.code).join(', ')}).` };
    return { line: null };
  }
  const line = lines.byCode.get(code.slice(0, 8));
  if (!line) return { line: null, problem: `${code} is not a line of the national tariff.` };
  return { line };
}

/** Problems with an item's quantities for its line (a line with a supplementary unit needs that quantity). */
export function quantityProblems(item: { supplementaryQuantity?: unknown; supplementaryUnit?: string | null }, line: LineWithMeasures | null, path: string[]): FieldError[] {
  if (!line?.supplementaryUnit) return [];
  if (item.supplementaryQuantity == null || item.supplementaryUnit !== line.supplementaryUnit) {
    return [{ path: [...path, 'supplementaryQuantity'], code: 'required', message: `Line ${line.code} needs the supplementary quantity in ${line.supplementaryUnit}.` }];
  }
  return [];
}

const round = (d: Decimal) => d.toDecimalPlaces(2, D.ROUND_HALF_UP);

function pick(measures: DutyMeasure[], tax: ComputedDutyLine['taxType'], item: DutyItem): DutyMeasure | undefined {
  const of = measures.filter((m) => m.taxType === tax);
  // A preference applies only when claimed: preference codes 3xx request a tariff preference.
  const claimsPreference = item.preferenceCode?.startsWith('3') ?? false;
  const preferential = claimsPreference ? of.find((m) => m.originCountry === item.originCountry) : undefined;
  return preferential ?? of.find((m) => m.originCountry === null);
}

function apply(measure: DutyMeasure, item: DutyItem, value: Decimal): ComputedDutyLine {
  const unit = measure.specificUnit;
  const quantity = unit === 'KGM' ? new D(item.netMass) : new D(item.supplementaryQuantity ?? 0);
  const parts: string[] = [];
  let amount = new D(0);
  if (measure.kind !== 'SPECIFIC') {
    amount = amount.add(value.mul(measure.adValoremRate ?? 0).div(100));
    parts.push(`${new D(measure.adValoremRate ?? 0).toString()} %`);
  }
  if (measure.kind !== 'AD_VALOREM') {
    amount = amount.add(quantity.mul(measure.specificRate ?? 0));
    parts.push(`${new D(measure.specificRate ?? 0).toFixed(4)} per ${unit}`);
  }
  const pref = measure.originCountry ? ` (preference ${measure.originCountry})` : '';
  return { taxType: measure.taxType, base: measure.kind === 'SPECIFIC' ? quantity : value, rate: parts.join(' + ') + pref, amount: round(amount) };
}

/** Duty, excise, then VAT on (customs value + duty + excise). Without a national line: no duty, standard VAT. */
export function computeItemDuties(item: DutyItem, line: LineWithMeasures | null): ComputedDutyLine[] {
  const value = new D(item.customsValue);
  const measures = line?.measures ?? [];
  const lines: ComputedDutyLine[] = [];
  const duty = pick(measures, 'DUTY', item);
  lines.push(duty ? apply(duty, item, value) : { taxType: 'DUTY', base: value, rate: '0 % (no national measure)', amount: new D(0) });
  const excise = pick(measures, 'EXCISE', item);
  if (excise) lines.push(apply(excise, item, value));
  const vatBase = lines.reduce((acc, l) => acc.add(l.amount), value);
  const vat = pick(measures, 'VAT', item);
  const vatPct = new D(vat?.adValoremRate ?? STANDARD_VAT_PERCENT);
  lines.push({ taxType: 'VAT', base: round(vatBase), rate: `${vatPct.toString()} %`, amount: round(vatBase.mul(vatPct).div(100)) });
  return lines;
}
