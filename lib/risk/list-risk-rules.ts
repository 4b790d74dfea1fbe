import { getDb } from '../db';
import type { RiskRule, RiskSettings } from '../generated/prisma/client';
import { DEFAULT_THRESHOLDS } from './seed-risk-rules';

export async function listRiskRules(): Promise<RiskRule[]> {
  return getDb().riskRule.findMany({ orderBy: { key: 'asc' } });
}

export async function getRiskSettings(): Promise<Pick<RiskSettings, 'yellowFrom' | 'redFrom'>> {
  return (await getDb().riskSettings.findUnique({ where: { id: 1 } })) ?? DEFAULT_THRESHOLDS;
}
