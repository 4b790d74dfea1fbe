// The background job that trains a queued model (trainRiskModel): loads the control results, fits and
// measures (fit-risk-model.ts), and stores the result as a SHADOW model, or FAILED with the reason.
// Idempotent: a model that is no longer TRAINING is left alone.
import { getDb } from '../db';
import { sqlOfPrisma } from '../database/sql';
import { isAppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { getLogger } from '../logger';
import { fitRiskModel } from './fit-risk-model';
import { listRiskRules } from './list-risk-rules';
import { invalidateRiskModels } from './load-risk-models';
import { loadTrainingRows } from './load-training-rows';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'train-risk-model': { modelId: string };
    }
  }
}

export async function trainRiskModelTask(payload: { modelId: string }): Promise<void> {
  const db = getDb();
  const model = await db.riskModel.findUnique({ where: { id: payload.modelId }, select: { status: true } });
  if (model?.status !== 'TRAINING') return;
  const started = Date.now();
  let lastWrite = 0;
  const progress = async (percent: number, message: string) => {
    if (Date.now() - lastWrite < 100 && percent < 100) return;
    lastWrite = Date.now();
    await db.riskModel.update({ where: { id: payload.modelId }, data: { progress: percent, progressMessage: message } });
  };
  try {
    await progress(1, 'Loading control results');
    const rows = await loadTrainingRows(sqlOfPrisma(db));
    const rules = (await listRiskRules()).filter((r) => r.enabled);
    const fitted = await fitRiskModel({ rows, rules, onProgress: progress });
    await db.riskModel.update({
      where: { id: payload.modelId },
      data: {
        status: 'SHADOW',
        progress: 100,
        progressMessage: 'Trained: in shadow mode',
        features: [...fitted.features],
        parameters: fitted.parameters as unknown as Prisma.InputJsonValue,
        windowFrom: fitted.windowFrom,
        windowTo: fitted.windowTo,
        trainRows: fitted.trainRows,
        testRows: fitted.testRows,
        metrics: fitted.metrics as unknown as Prisma.InputJsonValue,
        artifact: fitted.artifact as unknown as Prisma.InputJsonValue,
        trainingMs: Date.now() - started,
        trainedAt: new Date(),
      },
    });
  } catch (error) {
    // Refusals (too few results, one class) are the analyst's to read; anything else is logged too.
    if (!isAppError(error)) getLogger().error({ err: error, modelId: payload.modelId }, 'risk model training failed');
    await db.riskModel.update({ where: { id: payload.modelId }, data: { status: 'FAILED', error: (error instanceof Error ? error.message : String(error)).slice(0, 2000), progressMessage: 'Failed' } });
  } finally {
    invalidateRiskModels();
  }
}
