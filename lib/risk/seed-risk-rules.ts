// Default risk rules and lane thresholds. Inserted only when missing: officers' and administrators'
// edits (weights, parameters, disabling) are never overwritten by a restart.
import { getDb } from '../db';
import type { RiskRuleKind } from '../generated/prisma/client';

export const DEFAULT_RISK_RULES: { key: string; kind: RiskRuleKind; params: Record<string, unknown>; weight: number; reason: string }[] = [
  { key: 'watchlist-origin', kind: 'ORIGIN_WATCHLIST', params: { countries: ['KP', 'IR', 'SY'] }, weight: 60, reason: 'Origin on the sanctions and smuggling watch list.' },
  { key: 'sensitive-chapters', kind: 'HS_CHAPTER', params: { chapters: ['93', '36', '24'] }, weight: 35, reason: 'Sensitive goods: arms, explosives and pyrotechnics, tobacco.' },
  { key: 'new-filer', kind: 'NEW_FILER', params: { minPriorDeclarations: 1 }, weight: 20, reason: 'First filings carry more errors and are a known fraud pattern.' },
  { key: 'seal-integrity', kind: 'SEAL_INTEGRITY', params: { alertKinds: ['OPENED_OUTSIDE_AREA', 'TAMPER', 'SEAL_MISMATCH', 'SILENT_SEAL', 'RESEALED_WITHOUT_CUSTOMS'] }, weight: 100, reason: 'Electronic-seal evidence that the container may have been opened, or its seal swapped, in transit: physical inspection.' },
  { key: 'undervaluation', kind: 'LOW_VALUE_PER_KG', params: { maxRobustZ: -3, minSamples: 5 }, weight: 40, reason: 'Value per kilogram far below past declarations of the same subheading (possible undervaluation).' },
];

export const DEFAULT_THRESHOLDS = { yellowFrom: 30, redFrom: 60 };

export async function seedRiskRules(): Promise<void> {
  const db = getDb();
  await db.riskRule.createMany({ data: DEFAULT_RISK_RULES.map((r) => ({ ...r, params: r.params as object })), skipDuplicates: true });
  await db.riskSettings.createMany({ data: [{ id: 1, ...DEFAULT_THRESHOLDS }], skipDuplicates: true });
}
