import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit';
import { invalidateRiskRules } from './assess-risk';
import { getDb } from '../db';
import type { RiskSettings } from '../generated/prisma/client';
import { assertOfficial } from '../auth/policy';
import { fieldsNeedCorrecting } from '../validation';

/** The lane thresholds: YELLOW from `yellowFrom`, RED from `redFrom` (0 < yellowFrom < redFrom). */
export async function updateRiskSettings(options: { actor: Actor; yellowFrom: number; redFrom: number; requestId?: string }): Promise<RiskSettings> {
  const { actor, yellowFrom, redFrom } = options;
  assertOfficial(actor, 'change the risk settings');
  if (!Number.isInteger(yellowFrom) || !Number.isInteger(redFrom) || yellowFrom < 1 || redFrom <= yellowFrom || redFrom > 1000) {
    throw fieldsNeedCorrecting([{ path: ['redFrom'], code: 'INVALID', message: 'Thresholds are whole numbers with 1 <= yellowFrom < redFrom <= 1000.' }]);
  }
  return getDb().$transaction(async (tx) => {
    const settings = await tx.riskSettings.upsert({ where: { id: 1 }, create: { id: 1, yellowFrom, redFrom, updatedById: actor.userId }, update: { yellowFrom, redFrom, updatedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'risk_settings.update', targetType: 'risk_settings', targetId: '1', requestId: options.requestId, details: { yellowFrom, redFrom } });
    return settings;
  }).finally(invalidateRiskRules);
}
