// Risk analysts and administrators ask for a new model: checked at once (enough results, both classes),
// then trained in the background (train-risk-model-task.ts) with its progress on the model row.
import type { Actor } from '../auth/actor';
import { assertCanManageRiskModels } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { enqueueJob } from '../jobs/enqueue-job';
import { assertTrainable } from './fit-risk-model';

export async function trainRiskModel(options: { actor: Actor; requestId?: string }): Promise<{ id: string; version: number }> {
  const { actor } = options;
  assertCanManageRiskModels(actor, 'train risk models');
  return getDb().$transaction(async (tx) => {
    const sql = sqlOfPrisma(tx);
    // One version number at a time.
    await sql(`SELECT pg_advisory_xact_lock(hashtext('risk_model.version'))`);
    const [counts] = await sql<{ total: number; illicit: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE illicit)::int AS illicit FROM (
         SELECT h.illicit FROM control_history h JOIN control_history_import i ON i.id = h.import_id AND i.status = 'COMPLETED'
         UNION ALL
         SELECT r.outcome <> 'NO_DISCREPANCY' FROM control_result r
          WHERE r.version = (SELECT max(version) FROM control_result c WHERE c.declaration_id = r.declaration_id)) t`,
    );
    assertTrainable(counts ?? { total: 0, illicit: 0 });
    const [next] = await sql<{ v: number }>(`SELECT COALESCE(max(version), 0)::int + 1 AS v FROM risk_model`);
    const model = await tx.riskModel.create({ data: { version: next!.v, createdById: actor.userId, progressMessage: 'Queued' } });
    await enqueueJob(sql, 'train-risk-model', { modelId: model.id }, { jobKey: `train-risk-model:${model.id}`, maxAttempts: 1 });
    await recordAudit(tx, { actor, action: 'risk_model.train', targetType: 'risk_model', targetId: model.id, requestId: options.requestId, details: { version: model.version } });
    return { id: model.id, version: model.version };
  });
}
