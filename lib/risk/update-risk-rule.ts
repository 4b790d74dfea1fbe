// Administrators (and officers) tune risk rules without a deploy: weight, parameters, reason, on/off.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertOfficial } from '../auth/policy';
import { recordAudit } from '../audit';
import { invalidateRiskRules } from './assess-risk';
import { getDb } from '../db';
import { AppError } from '../errors';
import type { RiskRule } from '../generated/prisma/client';
import { fieldErrorsOf, parseInput } from '../validation';
import { ruleParamSchemas } from './rule-params';

const input = z.object({
  weight: z.number().int().min(0, 'A weight is 0 to 100.').max(100, 'A weight is 0 to 100.').optional(),
  reason: z.string().trim().min(1, 'Give the reason officers will read.').max(500).optional(),
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});


export async function updateRiskRule(options: { actor: Actor; key: string; changes: z.input<typeof input>; requestId?: string }): Promise<RiskRule> {
  const { actor, key } = options;
  assertOfficial(actor, 'change risk rules')
  const changes = parseInput(input, options.changes);
  return getDb().$transaction(async (tx) => {
    const rule = await tx.riskRule.findUnique({ where: { key } });
    if (!rule) throw new AppError('NOT_FOUND', `No risk rule ${key}.`);
    if (changes.params) {
      const parsed = ruleParamSchemas[rule.kind].safeParse(changes.params);
      if (!parsed.success) {
        throw new AppError('BAD_USER_INPUT', `Invalid parameters for a ${rule.kind} rule.`, {
          fieldErrors: fieldErrorsOf(parsed.error).map((f) => ({ ...f, path: ['params', ...f.path] })),
        });
      }
      changes.params = parsed.data;
    }
    const updated = await tx.riskRule.update({ where: { key }, data: { ...changes, params: changes.params as object | undefined, updatedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'risk_rule.update', targetType: 'risk_rule', targetId: key, requestId: options.requestId, details: JSON.parse(JSON.stringify({ before: { weight: rule.weight, enabled: rule.enabled, params: rule.params }, changes })) });
    return updated;
  }).finally(invalidateRiskRules);
}
