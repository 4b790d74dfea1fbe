// A risk analyst or administrator puts a trained model in charge, with a reason. A model whose held-out
// precision or revenue at a 5 % inspection rate is below the rules' is refused unless forced (the
// reason then says why). The previous active model is RETIRED, not deleted: activating it again is the rollback.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertCanManageRiskModels } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import type { RiskModelMetrics } from './fit-risk-model';
import { invalidateRiskModels } from './load-risk-models';

const input = z.object({
  reason: z.string().trim().min(1, 'Say why this model should decide lanes: it is kept with the model.').max(1000, 'A reason is limited to 1,000 characters.'),
  force: z.boolean().default(false),
});

/** Where the model does worse than the rules alone at a 5 % inspection rate, in words; empty when it does not. */
export function worseThanRules(metrics: RiskModelMetrics): string[] {
  const at = (m: RiskModelMetrics['model']) => m.atRates.find((r) => r.rate === 0.05)!;
  const model = at(metrics.model);
  const rules = at(metrics.rules);
  const problems: string[] = [];
  if (model.precision < rules.precision) problems.push(`precision at 5 % is ${(model.precision * 100).toFixed(1)} % against the rules' ${(rules.precision * 100).toFixed(1)} %`);
  if (model.revenue < rules.revenue) problems.push(`revenue captured at 5 % is ${(model.revenue * 100).toFixed(1)} % against the rules' ${(rules.revenue * 100).toFixed(1)} %`);
  return problems;
}

export async function activateRiskModel(options: { actor: Actor; id: string; reason: string; force?: boolean; requestId?: string }): Promise<{ id: string }> {
  const { actor, id } = options;
  assertCanManageRiskModels(actor, 'activate risk models');
  const { reason, force } = parseInput(input, { reason: options.reason, force: options.force ?? false });
  return getDb()
    .$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('risk_model.active'))`;
      const model = /^[0-9a-f-]{36}$/i.test(id) ? await tx.riskModel.findUnique({ where: { id }, select: { id: true, version: true, status: true, metrics: true } }) : null;
      if (!model) throw new AppError('NOT_FOUND', `No risk model ${id}.`);
      if (model.status === 'ACTIVE') throw new AppError('CONFLICT', `Model v${model.version} is already active.`);
      if (model.status === 'TRAINING' || model.status === 'FAILED' || !model.metrics) throw new AppError('CONFLICT', `Model v${model.version} is ${model.status}: only a trained model can be activated.`);
      const problems = worseThanRules(model.metrics as unknown as RiskModelMetrics);
      if (problems.length && !force) {
        throw new AppError('CONFLICT', `Model v${model.version} does worse than the rules alone on held-out data: ${problems.join('; ')}. Activate it with force and a reason only if you know why.`, {
          fieldErrors: [{ path: ['force'], code: 'INVALID', message: `Worse than the rules: ${problems.join('; ')}.` }],
        });
      }
      const previous = await tx.riskModel.findFirst({ where: { status: 'ACTIVE' }, select: { id: true, version: true } });
      if (previous) await tx.riskModel.update({ where: { id: previous.id }, data: { status: 'RETIRED' } });
      await tx.riskModel.update({ where: { id }, data: { status: 'ACTIVE', activatedAt: new Date(), activatedById: actor.userId, activationReason: reason, forced: problems.length > 0 } });
      await recordAudit(tx, { actor, action: 'risk_model.activate', targetType: 'risk_model', targetId: id, requestId: options.requestId, details: { version: model.version, reason, forced: problems.length > 0, previous: previous?.version ?? null } });
      return { id };
    })
    .finally(invalidateRiskModels);
}
