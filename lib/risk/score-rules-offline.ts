// The risk rules' score of past declarations (the DATE layout), for the "rules alone" baseline beside
// every model: the same rule kinds, parameters and weights as lib/risk/assess-risk.ts, evaluated on
// what a history row carries. Seal evidence is not in the layout, so that rule never fires here.
import type { RiskRuleKind } from '../generated/prisma/client';
import { robustZ } from './assess-risk';
import type { HistoryRow, Profile } from './risk-features';
import { ruleParams } from './rule-params';

export interface OfflineRule {
  kind: RiskRuleKind;
  params: unknown;
  weight: number;
}

const SAMPLE_SIZE = 200;

/** `rows` in time order; `training` gives the past values per kg and the declarants already seen. */
export function scoreRulesOffline(rules: OfflineRule[], training: HistoryRow[], profile: Profile, rows: HistoryRow[]): number[] {
  const samples = new Map<string, number[]>();
  for (const r of training) {
    const k = r.tariffCode.slice(0, 6);
    const s = samples.get(k) ?? [];
    s.push(r.cifValue / Math.max(r.grossWeight, 0.001));
    if (s.length > SAMPLE_SIZE) s.shift();
    samples.set(k, s);
  }
  return rows.map((r) => {
    let score = 0;
    for (const rule of rules) {
      switch (rule.kind) {
        case 'ORIGIN_WATCHLIST':
          if (ruleParams('ORIGIN_WATCHLIST', rule.params).countries.includes(r.country)) score += rule.weight;
          break;
        case 'HS_CHAPTER':
          if (ruleParams('HS_CHAPTER', rule.params).chapters.includes(r.tariffCode.slice(0, 2))) score += rule.weight;
          break;
        case 'NEW_FILER':
          if ((profile.declarant[r.declarantId]?.[0] ?? 0) < ruleParams('NEW_FILER', rule.params).minPriorDeclarations) score += rule.weight;
          break;
        case 'LOW_VALUE_PER_KG': {
          const { maxRobustZ, minSamples } = ruleParams('LOW_VALUE_PER_KG', rule.params);
          const sample = samples.get(r.tariffCode.slice(0, 6)) ?? [];
          if (sample.length < minSamples) break;
          const z = robustZ(r.cifValue / Math.max(r.grossWeight, 0.001), sample);
          if (z !== null && z < maxRobustZ) score += rule.weight;
          break;
        }
        case 'SEAL_INTEGRITY':
          break;
      }
    }
    return score;
  });
}
