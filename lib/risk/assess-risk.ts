// The risk engine: declarative rules (table risk_rule) evaluated against an accepted declaration.
// Each rule that fires adds its weight to the score and leaves a finding with a specific reason; the
// score's lane comes from the thresholds in risk_settings. Everything an officer needs to see why.
import type { Tx } from '../audit';
import type { GoodsItem, RiskLane, RiskRule } from '../generated/prisma/client';
import { formatHsCode } from '../tariff/get-hs-code';
import { DEFAULT_THRESHOLDS } from './seed-risk-rules';
import { ruleParams } from './rule-params';

export interface Finding {
  ruleKey: string;
  weight: number;
  reason: string;
}

export interface RiskAssessment {
  score: number;
  lane: RiskLane;
  findings: Finding[];
}

interface Subject {
  id: string;
  declarantId: string;
  items: Pick<GoodsItem, 'sequence' | 'commodityCode' | 'originCountry' | 'netMass' | 'customsValue'>[];
}

const itemsList = (seqs: number[]) => (seqs.length === 1 ? `item ${seqs[0]}` : `items ${seqs.join(', ')}`);

export async function assessRisk(tx: Tx, d: Subject): Promise<RiskAssessment> {
  const rules = await tx.riskRule.findMany({ where: { enabled: true }, orderBy: { key: 'asc' } });
  const settings = (await tx.riskSettings.findUnique({ where: { id: 1 } })) ?? DEFAULT_THRESHOLDS;
  const findings: Finding[] = [];
  for (const rule of rules) {
    const reason = await evaluate(tx, rule, d);
    if (reason) findings.push({ ruleKey: rule.key, weight: rule.weight, reason: `${reason} ${rule.reason}` });
  }
  const score = findings.reduce((acc, f) => acc + f.weight, 0);
  const lane: RiskLane = score >= settings.redFrom ? 'RED' : score >= settings.yellowFrom ? 'YELLOW' : 'GREEN';
  return { score, lane, findings };
}

async function evaluate(tx: Tx, rule: RiskRule, d: Subject): Promise<string | null> {
  switch (rule.kind) {
    case 'ORIGIN_WATCHLIST': {
      const { countries } = ruleParams('ORIGIN_WATCHLIST', rule.params);
      const hits = d.items.filter((i) => countries.includes(i.originCountry));
      if (!hits.length) return null;
      const origins = [...new Set(hits.map((i) => i.originCountry))].join(', ');
      return `Origin ${origins} (${itemsList(hits.map((i) => i.sequence))}).`;
    }
    case 'HS_CHAPTER': {
      const { chapters } = ruleParams('HS_CHAPTER', rule.params);
      const hits = d.items.filter((i) => chapters.includes(i.commodityCode.slice(0, 2)));
      if (!hits.length) return null;
      const found = [...new Set(hits.map((i) => i.commodityCode.slice(0, 2)))].join(', ');
      return `Chapter ${found} goods (${itemsList(hits.map((i) => i.sequence))}).`;
    }
    case 'NEW_FILER': {
      const { minPriorDeclarations } = ruleParams('NEW_FILER', rule.params);
      const prior = await tx.declaration.count({
        where: { declarantId: d.declarantId, id: { not: d.id }, status: { notIn: ['DRAFT', 'SUBMITTED', 'REJECTED'] } },
      });
      return prior < minPriorDeclarations ? `The declarant has ${prior} accepted declaration${prior === 1 ? '' : 's'} before this one.` : null;
    }
    case 'LOW_VALUE_PER_KG': {
      const { maxRobustZ, minSamples } = ruleParams('LOW_VALUE_PER_KG', rule.params);
      const notes: string[] = [];
      for (const item of d.items) {
        if (!item.customsValue || Number(item.netMass) <= 0) continue;
        const value = Number(item.customsValue) / Number(item.netMass);
        const sample = await pastValuesPerKg(tx, item.commodityCode.slice(0, 6), d.id);
        if (sample.length < minSamples) continue;
        const z = robustZ(value, sample);
        if (z !== null && z < maxRobustZ) {
          notes.push(
            `Item ${item.sequence}: ${value.toFixed(2)} per kg against a median of ${median(sample).toFixed(2)} for ${formatHsCode(item.commodityCode.slice(0, 6))} (robust z ${z.toFixed(1)}, ${sample.length} past items).`,
          );
        }
      }
      return notes.length ? notes.join(' ') : null;
    }
  }
}

async function pastValuesPerKg(tx: Tx, hs6: string, excludeId: string): Promise<number[]> {
  const rows = await tx.$queryRaw<{ v: number }[]>`
    SELECT (gi.customs_value / gi.net_mass)::float8 AS v
      FROM goods_item gi JOIN declaration d ON d.id = gi.declaration_id
     WHERE gi.commodity_code LIKE ${hs6 + '%'} AND gi.customs_value IS NOT NULL AND gi.net_mass > 0
       AND d.id <> ${excludeId}::uuid AND d.status NOT IN ('DRAFT', 'SUBMITTED', 'REJECTED')
     ORDER BY d.submitted_at DESC NULLS LAST LIMIT 500`;
  return rows.map((r) => r.v);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Robust z-score (Iglewicz and Hoaglin): 0.6745 (x - median) / MAD. When more than half the sample is
 * identical (MAD 0), the mean absolute deviation stands in (scaled by 1.2533); null if that is 0 too.
 */
export function robustZ(x: number, sample: number[]): number | null {
  const m = median(sample);
  const mad = median(sample.map((v) => Math.abs(v - m)));
  if (mad > 0) return (0.6745 * (x - m)) / mad;
  const meanAd = sample.reduce((acc, v) => acc + Math.abs(v - m), 0) / sample.length;
  return meanAd > 0 ? (x - m) / (1.2533 * meanAd) : null;
}
