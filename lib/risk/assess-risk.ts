// The risk engine: declarative rules (table risk_rule) evaluated against an accepted declaration.
// Each rule that fires adds its weight to the score and leaves a finding with a specific reason; the
// score's lane comes from the thresholds in risk_settings. Everything an officer needs to see why.
//
// Rules and thresholds are read at most every RULES_TTL_MS per process (and at once after an edit in
// this process): submissions are the hot path, and an edit reaches every instance within that time.
import type { Sql } from '../database/sql';
import type { RiskLane, RiskRuleKind } from '../generated/prisma/client';
import { formatHsCode } from '../tariff/get-hs-code';
import { DEFAULT_THRESHOLDS } from './seed-risk-rules';
import { ruleParams } from './rule-params';
import { drawRandomControl } from './draw-random-control';
import { learnedRiskFindings } from './learned-risk-findings';

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

export interface RiskSubject {
  id: string;
  declarantId: string;
  items: { sequence: number; commodityCode: string; originCountry: string; netMass: { toString(): string }; customsValue: { toString(): string } | null }[];
}

interface RuleRow {
  key: string;
  kind: RiskRuleKind;
  params: unknown;
  weight: number;
  reason: string;
}

const RULES_TTL_MS = 5_000;
let cache: { at: number; rules: RuleRow[]; thresholds: { yellowFrom: number; redFrom: number } } | undefined;

/** Forget the cached rules (after an edit, and in tests). */
export function invalidateRiskRules(): void {
  cache = undefined;
}

async function rulesAndThresholds(sql: Sql) {
  if (cache && Date.now() - cache.at < RULES_TTL_MS) return cache;
  const [rules, settings] = await Promise.all([
    sql<RuleRow>(`SELECT key, kind, params, weight, reason FROM risk_rule WHERE enabled ORDER BY key`),
    sql<{ yellowFrom: number; redFrom: number }>(`SELECT yellow_from AS "yellowFrom", red_from AS "redFrom" FROM risk_settings WHERE id = 1`),
  ]);
  cache = { at: Date.now(), rules, thresholds: settings[0] ?? DEFAULT_THRESHOLDS };
  return cache;
}

const itemsList = (seqs: number[]) => (seqs.length === 1 ? `item ${seqs[0]}` : `items ${seqs.join(', ')}`);

export async function assessRisk(sql: Sql, d: RiskSubject): Promise<RiskAssessment> {
  const { rules, thresholds } = await rulesAndThresholds(sql);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const reason = await evaluate(sql, rule, d);
    if (reason) findings.push({ ruleKey: rule.key, weight: rule.weight, reason: `${reason} ${rule.reason}` });
  }
  findings.push(...(await learnedRiskFindings(sql, d.id)));
  const score = findings.reduce((acc, f) => acc + f.weight, 0);
  let lane: RiskLane = score >= thresholds.redFrom ? 'RED' : score >= thresholds.yellowFrom ? 'YELLOW' : 'GREEN';
  const random = drawRandomControl(lane);
  if (random) {
    lane = 'YELLOW';
    findings.push(random);
  }
  return { score, lane, findings };
}

async function evaluate(sql: Sql, rule: RuleRow, d: RiskSubject): Promise<string | null> {
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
      // Counting stops at the rule's minimum: the cost does not grow with the declarant's history.
      const rows = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT 1 FROM declaration WHERE declarant_id = $1::uuid AND id <> $2::uuid
              AND status NOT IN ('DRAFT', 'SUBMITTED', 'REJECTED') LIMIT $3) t`,
        [d.declarantId, d.id, minPriorDeclarations],
      );
      const prior = rows[0]?.n ?? 0;
      return prior < minPriorDeclarations ? `The declarant has ${prior} accepted declaration${prior === 1 ? '' : 's'} before this one.` : null;
    }
    // Fed by electronic-seal alerts as they happen (lib/tracking), not at acceptance.
    case 'SEAL_INTEGRITY':
      return null;
    case 'LOW_VALUE_PER_KG': {
      const { maxRobustZ, minSamples } = ruleParams('LOW_VALUE_PER_KG', rule.params);
      const priced = d.items.filter((i) => i.customsValue !== null && Number(i.netMass.toString()) > 0);
      if (!priced.length) return null;
      const samples = await pastValuesPerKg(sql, [...new Set(priced.map((i) => i.commodityCode.slice(0, 6)))], d.id);
      const notes: string[] = [];
      for (const item of priced) {
        const value = Number(item.customsValue!.toString()) / Number(item.netMass.toString());
        const sample = samples.get(item.commodityCode.slice(0, 6)) ?? [];
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

const SAMPLE_SIZE = 200;

/**
 * Values per kg of the most recent past items of each subheading, from value_sample (written at each
 * submission and amendment, removed when a declaration is rejected or cancelled): one query that
 * reads at most SAMPLE_SIZE index entries per subheading, however long the history.
 */
async function pastValuesPerKg(sql: Sql, subheadings: string[], excludeId: string): Promise<Map<string, number[]>> {
  const rows = await sql<{ hs: string; v: number }>(
    `SELECT hs, v FROM unnest($1::text[]) AS hs,
       LATERAL (
         SELECT s.value_per_kg AS v FROM value_sample s
          WHERE s.hs6 = hs::char(6) AND s.declaration_id <> $2::uuid
          ORDER BY s.at DESC LIMIT $3) x`,
    [subheadings, excludeId, SAMPLE_SIZE],
  );
  const bySubheading = new Map<string, number[]>();
  for (const r of rows) bySubheading.set(r.hs, [...(bySubheading.get(r.hs) ?? []), r.v]);
  return bySubheading;
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
