// Duties and taxes of goods items from the national tariff's measures. Pure arithmetic on decimals
// (no floating point); `loadTariffLines` fetches what it needs in one query.
import type { Sql } from '../database/sql';
import type { FieldError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { formatHsCode } from './get-hs-code';
import { STANDARD_VAT_PERCENT } from './demo-tariff';

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
type DecimalLike = Decimal | string;

export interface TariffMeasure {
  taxType: 'DUTY' | 'VAT' | 'EXCISE';
  kind: 'AD_VALOREM' | 'SPECIFIC' | 'COMPOUND';
  adValoremRate: DecimalLike | null;
  specificRate: DecimalLike | null;
  specificUnit: string | null;
  originCountry: string | null;
}

export interface LineWithMeasures {
  code: string;
  hsCode: string;
  description: string;
  supplementaryUnit: string | null;
  measures: TariffMeasure[];
}

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

/** National lines by code, and by HS subheading, for the given commodity codes (one query). */
export async function loadTariffLines(sql: Sql, codes: string[]): Promise<{ byCode: Map<string, LineWithMeasures>; byHs: Map<string, LineWithMeasures[]> }> {
  const hs = [...new Set(codes.map((c) => c.slice(0, 6)))];
  const lines = await sql<LineWithMeasures>(
    `SELECT l.code, l.hs_code AS "hsCode", l.description, l.supplementary_unit AS "supplementaryUnit",
            COALESCE(json_agg(json_build_object(
              'taxType', m.tax_type, 'kind', m.kind, 'adValoremRate', m.ad_valorem_rate::text,
              'specificRate', m.specific_rate::text, 'specificUnit', m.specific_unit, 'originCountry', m.origin_country)
              ORDER BY m.tax_type, m.origin_country) FILTER (WHERE m.id IS NOT NULL), '[]') AS measures
       FROM tariff_line l LEFT JOIN duty_measure m ON m.tariff_line_code = l.code
      WHERE l.hs_code = ANY($1::text[])
      GROUP BY l.code ORDER BY l.code`,
    [hs],
  );
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
    return [{ path: [...path, 'supplementaryQuantity'], code: 'REQUIRED', message: `Line ${line.code} needs the supplementary quantity in ${line.supplementaryUnit}.` }];
  }
  return [];
}

const round = (d: Decimal) => d.toDecimalPlaces(2, D.ROUND_HALF_UP);

function pick(measures: TariffMeasure[], tax: ComputedDutyLine['taxType'], item: DutyItem): TariffMeasure | undefined {
  const of = measures.filter((m) => m.taxType === tax);
  // A preference applies only when claimed: preference codes 3xx request a tariff preference.
  const claimsPreference = item.preferenceCode?.startsWith('3') ?? false;
  const preferential = claimsPreference ? of.find((m) => m.originCountry === item.originCountry) : undefined;
  return preferential ?? of.find((m) => m.originCountry === null);
}

function apply(measure: TariffMeasure, item: DutyItem, value: Decimal): ComputedDutyLine {
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
