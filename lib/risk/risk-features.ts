// The learned model's features: what a declaration carries (HS chapter, heading, subheading, origin,
// office, value per kg and per unit against its subheading, tax rate) and its history (past control
// hit rates of the importer, the declarant, the origin, the subheading and origin × subheading),
// smoothed towards the overall rate so a newcomer with 1 control of 1 is not "100 % risky".
//
// The history is a Profile: counts learned from the training rows and stored with the model, so live
// scoring needs no query. During training each row sees only the controls before it (time order), as
// a live declaration would; held-out rows see the profile as it stood at the end of training.
import { formatHsCode } from '../tariff/get-hs-code';

/** A declaration with its control result, in the WCO/DATE transaction layout. */
export interface HistoryRow {
  sgdId: string;
  date: Date;
  importerId: string;
  declarantId: string;
  country: string;
  officeId: string;
  tariffCode: string;
  quantity: number;
  grossWeight: number;
  fobValue: number;
  cifValue: number;
  totalTaxes: number;
  illicit: boolean;
  revenue: number;
}

type Counts = Record<string, [controls: number, hits: number]>;

export interface Profile {
  overall: [number, number];
  importer: Counts;
  declarant: Counts;
  country: Counts;
  office: Counts;
  hs6: Counts;
  hs4: Counts;
  originHs6: Counts;
  /** Median of log(value per kg) and log(value per unit), and the median tax rate, per subheading. */
  hs6Values: Record<string, [logPerKg: number, logPerUnit: number, taxRate: number]>;
}

export const FEATURES = [
  'chapter',
  'heading',
  'subheading',
  'importerRate',
  'importerControls',
  'declarantRate',
  'declarantControls',
  'originRate',
  'subheadingRate',
  'headingRate',
  'originSubheadingRate',
  'officeRate',
  'valuePerKgRatio',
  'valuePerUnitRatio',
  'taxRate',
  'customsValue',
  'grossWeight',
] as const;
export type FeatureName = (typeof FEATURES)[number];

const SMOOTHING = 10;

export function emptyProfile(): Profile {
  return { overall: [0, 0], importer: {}, declarant: {}, country: {}, office: {}, hs6: {}, hs4: {}, originHs6: {}, hs6Values: {} };
}

const log = (x: number) => Math.log(Math.max(x, 1e-6));

/** Per-subheading medians of the declared values (no labels: safe to take from all training rows). */
export function valueMedians(rows: HistoryRow[]): Profile['hs6Values'] {
  const by = new Map<string, [number[], number[], number[]]>();
  for (const r of rows) {
    const k = r.tariffCode.slice(0, 6);
    const e = by.get(k) ?? [[], [], []];
    e[0].push(log(r.cifValue / Math.max(r.grossWeight, 0.001)));
    e[1].push(log(r.cifValue / Math.max(r.quantity, 0.001)));
    if (r.cifValue > 0) e[2].push(r.totalTaxes / r.cifValue);
    by.set(k, e);
  }
  const med = (xs: number[]) => {
    if (!xs.length) return 0;
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  return Object.fromEntries([...by].map(([k, [a, b, c]]) => [k, [med(a), med(b), med(c)]]));
}

const keysOf = (r: Pick<HistoryRow, 'importerId' | 'declarantId' | 'country' | 'officeId' | 'tariffCode'>) => ({
  importer: r.importerId,
  declarant: r.declarantId,
  country: r.country,
  office: r.officeId,
  hs6: r.tariffCode.slice(0, 6),
  hs4: r.tariffCode.slice(0, 4),
  originHs6: `${r.country}:${r.tariffCode.slice(0, 6)}`,
});

/** Adds a row's control outcome to the profile. */
export function learnRow(p: Profile, r: HistoryRow): void {
  const hit = r.illicit ? 1 : 0;
  p.overall[0] += 1;
  p.overall[1] += hit;
  for (const [dim, key] of Object.entries(keysOf(r)) as [keyof ReturnType<typeof keysOf>, string][]) {
    const c = (p[dim][key] ??= [0, 0]);
    c[0] += 1;
    c[1] += hit;
  }
}

export function priorRate(p: Profile): number {
  return p.overall[0] ? p.overall[1] / p.overall[0] : 0.05;
}

export function smoothedRate(p: Profile, c: [number, number] | undefined): number {
  const prior = priorRate(p);
  const [n, h] = c ?? [0, 0];
  return (h + SMOOTHING * prior) / (n + SMOOTHING);
}

export type ScoredRow = Omit<HistoryRow, 'illicit' | 'revenue' | 'sgdId' | 'date'>;

/** The feature vector of a declaration, in FEATURES order. */
export function featureVector(p: Profile, r: ScoredRow): number[] {
  const k = keysOf(r);
  const values = p.hs6Values[k.hs6];
  const perKg = log(r.cifValue / Math.max(r.grossWeight, 0.001));
  const perUnit = log(r.cifValue / Math.max(r.quantity, 0.001));
  return [
    Number(r.tariffCode.slice(0, 2)),
    Number(r.tariffCode.slice(0, 4)),
    Number(r.tariffCode.slice(0, 6)),
    smoothedRate(p, p.importer[k.importer]),
    Math.log1p(p.importer[k.importer]?.[0] ?? 0),
    smoothedRate(p, p.declarant[k.declarant]),
    Math.log1p(p.declarant[k.declarant]?.[0] ?? 0),
    smoothedRate(p, p.country[k.country]),
    smoothedRate(p, p.hs6[k.hs6]),
    smoothedRate(p, p.hs4[k.hs4]),
    smoothedRate(p, p.originHs6[k.originHs6]),
    smoothedRate(p, p.office[k.office]),
    values ? perKg - values[0] : 0,
    values ? perUnit - values[1] : 0,
    r.cifValue > 0 && Number.isFinite(r.totalTaxes) ? r.totalTaxes / r.cifValue : (values?.[2] ?? 0),
    Math.log1p(r.cifValue),
    Math.log1p(r.grossWeight),
  ];
}

/**
 * The neutral value of a feature: what it would be for a declaration with nothing remarkable (the
 * overall rate, the subheading's median value). Explanations measure how far a declaration's own
 * value moves the probability away from it.
 */
export function neutralValue(p: Profile, name: FeatureName, x: number[]): number {
  switch (name) {
    case 'importerRate':
    case 'declarantRate':
    case 'originRate':
    case 'subheadingRate':
    case 'headingRate':
    case 'originSubheadingRate':
    case 'officeRate':
      return priorRate(p);
    case 'importerControls':
    case 'declarantControls':
      return Math.log1p(20);
    case 'valuePerKgRatio':
    case 'valuePerUnitRatio':
      return 0;
    default:
      return x[FEATURES.indexOf(name)]!;
  }
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const controls = (c: [number, number] | undefined) => `${c?.[0] ?? 0} control${c?.[0] === 1 ? '' : 's'}`;

/** A feature's value in the words an officer reads, e.g. "importer's past discrepancy rate 38 % (12 controls)". */
export function describeFeature(p: Profile, name: FeatureName, r: ScoredRow, x: number[]): string {
  const k = keysOf(r);
  const v = x[FEATURES.indexOf(name)]!;
  const rate = (c: [number, number] | undefined) => (c?.[0] ? pct(c[1] / c[0]) : 'none known');
  switch (name) {
    case 'importerRate':
    case 'importerControls':
      return p.importer[k.importer]?.[0] ? `importer's past discrepancy rate ${rate(p.importer[k.importer])} (${controls(p.importer[k.importer])})` : 'importer never controlled before (newcomer)';
    case 'declarantRate':
    case 'declarantControls':
      return p.declarant[k.declarant]?.[0] ? `declarant's past discrepancy rate ${rate(p.declarant[k.declarant])} (${controls(p.declarant[k.declarant])})` : 'declarant never controlled before (newcomer)';
    case 'originRate':
      return `origin ${k.country}: past discrepancy rate ${rate(p.country[k.country])} (${controls(p.country[k.country])})`;
    case 'subheadingRate':
    case 'subheading':
      return `subheading ${formatHsCode(k.hs6)}: past discrepancy rate ${rate(p.hs6[k.hs6])} (${controls(p.hs6[k.hs6])})`;
    case 'headingRate':
    case 'heading':
    case 'chapter':
      return `heading ${k.hs4.slice(0, 2)}.${k.hs4.slice(2)}: past discrepancy rate ${rate(p.hs4[k.hs4])} (${controls(p.hs4[k.hs4])})`;
    case 'originSubheadingRate':
      return `origin ${k.country} for ${formatHsCode(k.hs6)}: past discrepancy rate ${rate(p.originHs6[k.originHs6])} (${controls(p.originHs6[k.originHs6])})`;
    case 'officeRate':
      return `office ${k.office}: past discrepancy rate ${rate(p.office[k.office])}`;
    case 'valuePerKgRatio':
      return `value per kg ${Math.exp(v).toFixed(Math.exp(v) < 10 ? 2 : 0)}× the median for ${formatHsCode(k.hs6)}`;
    case 'valuePerUnitRatio':
      return `value per unit ${Math.exp(v).toFixed(Math.exp(v) < 10 ? 2 : 0)}× the median for ${formatHsCode(k.hs6)}`;
    case 'taxRate':
      return `duties and taxes ${pct(v)} of the value`;
    case 'customsValue':
      return `customs value ${Math.round(r.cifValue).toLocaleString('en')}`;
    case 'grossWeight':
      return `gross weight ${Math.round(r.grossWeight).toLocaleString('en')} kg`;
  }
}
