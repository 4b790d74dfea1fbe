// Synthetic declarations with control results, in the WCO/DATE transaction layout, for demos, tests
// and the benchmark. Seeded (same seed, same rows) so tests can assert what a model finds. The frauds
// follow planted patterns that no risk rule encodes, on top of noise:
//   - undervaluation in some headings (6109 T-shirts, 6403 footwear, 8517 phones): values at 35–65 % of
//     the true value, too mild for the robust-z rule (which needs z < -3);
//   - misclassification between neighbouring subheadings (a dearer line declared as its cheaper
//     neighbour), visible as a value per kg typical of the other subheading;
//   - origin misdeclaration: screws, furniture and plastics "from" VN or MY that are really from CN;
//   - a few bad importers and brokers (declarants) with high discrepancy rates;
//   - newcomers, who make more mistakes than established traders;
//   - 2 % random discrepancies everywhere, and tobacco and watch-listed origins that are not riskier
//     than the rest (where the rules spend their inspections).
import type { HistoryRow } from './risk-features';

/** HS subheadings with a typical value per kg (national currency) and their total tax rate. */
export const SYNTHETIC_SUBHEADINGS: { hs: string; valuePerKg: number; taxRate: number; unitKg: number }[] = [
  { hs: '090111', valuePerKg: 4, taxRate: 0.09, unitKg: 60 },
  { hs: '090121', valuePerKg: 9, taxRate: 0.16, unitKg: 1 },
  { hs: '610910', valuePerKg: 30, taxRate: 0.33, unitKg: 0.2 },
  { hs: '610990', valuePerKg: 18, taxRate: 0.22, unitKg: 0.2 },
  { hs: '620342', valuePerKg: 35, taxRate: 0.33, unitKg: 0.6 },
  { hs: '640399', valuePerKg: 40, taxRate: 0.3, unitKg: 1.2 },
  { hs: '847130', valuePerKg: 200, taxRate: 0.21, unitKg: 2 },
  { hs: '847141', valuePerKg: 120, taxRate: 0.21, unitKg: 8 },
  { hs: '851713', valuePerKg: 900, taxRate: 0.21, unitKg: 0.3 },
  { hs: '851762', valuePerKg: 150, taxRate: 0.21, unitKg: 1 },
  { hs: '852872', valuePerKg: 25, taxRate: 0.35, unitKg: 15 },
  { hs: '870323', valuePerKg: 15, taxRate: 0.31, unitKg: 1400 },
  { hs: '870332', valuePerKg: 12, taxRate: 0.31, unitKg: 1600 },
  { hs: '220421', valuePerKg: 5, taxRate: 0.45, unitKg: 1.3 },
  { hs: '220830', valuePerKg: 14, taxRate: 0.6, unitKg: 1.3 },
  { hs: '240220', valuePerKg: 60, taxRate: 0.8, unitKg: 1 },
  { hs: '300490', valuePerKg: 80, taxRate: 0.06, unitKg: 0.5 },
  { hs: '330499', valuePerKg: 45, taxRate: 0.27, unitKg: 0.3 },
  { hs: '392690', valuePerKg: 6, taxRate: 0.27, unitKg: 1 },
  { hs: '401110', valuePerKg: 4, taxRate: 0.25, unitKg: 9 },
  { hs: '731815', valuePerKg: 2.5, taxRate: 0.25, unitKg: 0.05 },
  { hs: '940360', valuePerKg: 5, taxRate: 0.23, unitKg: 30 },
  { hs: '950300', valuePerKg: 12, taxRate: 0.26, unitKg: 0.5 },
  { hs: '180632', valuePerKg: 7, taxRate: 0.3, unitKg: 0.2 },
  { hs: '100630', valuePerKg: 0.9, taxRate: 0.15, unitKg: 25 },
];

const UNDERVALUED_HEADINGS = new Set(['6109', '6403', '8517']);
/** Declared subheading -> the dearer neighbour the goods really are. */
const MISCLASSIFIED: Record<string, string> = { '610990': '610910', '090111': '090121', '847141': '847130', '220421': '220830' };
const MISDECLARED_ORIGIN_GOODS = new Set(['731815', '940360', '392690']);
const ORIGINS = ['CN', 'CN', 'CN', 'VN', 'MY', 'IN', 'TR', 'US', 'DE', 'BR', 'KE', 'TH', 'IR'];
const OFFICES = ['NL000396', 'NL000510', 'NL000854', 'NL001220', 'NL003630'];

/** Mulberry32: small, fast, good enough for synthetic data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateControlHistory(options: { rows: number; seed?: number; from?: Date; days?: number; idPrefix?: string }): HistoryRow[] {
  const rnd = seededRandom(options.seed ?? 14);
  const from = (options.from ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const days = options.days ?? 730;
  const prefix = options.idPrefix ?? 'SGD';
  const normal = (mu: number, sigma: number) => mu + sigma * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

  const importerCount = Math.max(20, Math.round(options.rows / 40));
  const declarantCount = Math.max(8, Math.round(importerCount / 8));
  // A few bad actors; newcomers start trading in the last quarter of the period.
  const importers = Array.from({ length: importerCount }, (_, i) => ({
    id: `IMP${String(i + 1).padStart(5, '0')}`,
    bad: rnd() < 0.03,
    startsAt: rnd() < 0.15 ? 0.75 + rnd() * 0.25 : 0,
    broker: `DEC${String(1 + Math.floor(rnd() * declarantCount)).padStart(4, '0')}`,
  }));
  const badBrokers = new Set(Array.from({ length: Math.max(1, Math.round(declarantCount * 0.05)) }, (_, i) => `DEC${String(1 + ((i * 7) % declarantCount)).padStart(4, '0')}`));

  const rows: HistoryRow[] = [];
  for (let n = 0; n < options.rows; n++) {
    const t = n / options.rows + (rnd() - 0.5) / options.rows;
    const date = new Date(from + Math.max(0, Math.min(0.99999, t)) * days * 86_400_000);
    date.setUTCHours(0, 0, 0, 0);
    const candidates = importers.filter((imp) => imp.startsAt <= t);
    const importer = candidates.length && rnd() < 0.97 ? candidates[Math.floor(rnd() * candidates.length)]! : importers[Math.floor(rnd() * importers.length)]!;
    const newcomer = importer.startsAt > 0 && t - importer.startsAt < 0.08;
    const declarant = rnd() < 0.85 ? importer.broker : `DEC${String(1 + Math.floor(rnd() * declarantCount)).padStart(4, '0')}`;
    const sub = pick(SYNTHETIC_SUBHEADINGS);
    const declaredHs = sub.hs;
    let trueHs = sub.hs;
    let origin = pick(ORIGINS);
    const weight = Math.max(1, Math.round(Math.exp(normal(Math.log(800), 1.1))));
    let trueValuePerKg = sub.valuePerKg * Math.exp(normal(0, 0.3));
    let undervalue = 1;
    let illicit = false;

    let fraud = rnd() < 0.02; // noise: anything can be wrong anywhere
    if (UNDERVALUED_HEADINGS.has(sub.hs.slice(0, 4)) && rnd() < 0.22) {
      undervalue = 0.35 + rnd() * 0.3;
      fraud = true;
    }
    if (MISCLASSIFIED[sub.hs] && rnd() < 0.25) {
      trueHs = MISCLASSIFIED[sub.hs]!;
      const dearer = SYNTHETIC_SUBHEADINGS.find((s) => s.hs === trueHs)!;
      trueValuePerKg = dearer.valuePerKg * Math.exp(normal(0, 0.3));
      fraud = true;
    }
    if (MISDECLARED_ORIGIN_GOODS.has(sub.hs) && (origin === 'VN' || origin === 'MY') && rnd() < 0.5) fraud = true;
    if (importer.bad && rnd() < 0.35) fraud = true;
    if (badBrokers.has(declarant) && rnd() < 0.25) fraud = true;
    if (newcomer && rnd() < 0.1) fraud = true;
    if (fraud && undervalue === 1 && trueHs === declaredHs && rnd() < 0.6) undervalue = 0.5 + rnd() * 0.35;
    illicit = fraud && rnd() < 0.95; // a control does not find everything
    if (!fraud && rnd() < 0.003) illicit = true; // nor is every finding planted

    const trueCif = weight * trueValuePerKg;
    const declaredCif = trueCif * undervalue;
    const declaredRate = SYNTHETIC_SUBHEADINGS.find((s) => s.hs === declaredHs)!.taxRate;
    const trueRate = SYNTHETIC_SUBHEADINGS.find((s) => s.hs === trueHs)!.taxRate;
    const totalTaxes = declaredCif * declaredRate;
    const revenue = illicit ? Math.max(trueCif * trueRate - totalTaxes, declaredCif * 0.05) : 0;
    if (origin === 'IR' && rnd() < 0.5) origin = 'TR';
    rows.push({
      sgdId: `${prefix}${String(n + 1).padStart(8, '0')}`,
      date,
      importerId: importer.id,
      declarantId: declarant,
      country: origin,
      officeId: pick(OFFICES),
      tariffCode: declaredHs,
      quantity: Math.max(1, Math.round(weight / sub.unitKg)),
      grossWeight: Math.round(weight * 1.05 * 1000) / 1000,
      fobValue: Math.round((declaredCif / 1.08) * 100) / 100,
      cifValue: Math.round(declaredCif * 100) / 100,
      totalTaxes: Math.round(totalTaxes * 100) / 100,
      illicit,
      revenue: Math.round(revenue * 100) / 100,
    });
  }
  return rows;
}
