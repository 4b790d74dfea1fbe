// The demo start's learned risk (RISK_DEMO_MODEL, with SEED_DEMO): a synthetic control history from the
// generator, imported through the same path as an analyst's CSV (importControlHistory), and a model
// trained on it by the training job's own code, in the foreground with a small forest so the start stays
// fast; then activated the way an analyst does (activateRiskModel, never forced), so the risk dashboard
// and the officers' explanations are not empty. Idempotent: does nothing once any model exists.
import { Readable } from 'node:stream';

import { loadUserActor } from '../auth/actor';
import { getDb } from '../db';
import { getEnv } from '../env';
import { activateRiskModel } from './activate-risk-model';
import { formatDateCsv } from './format-date-csv';
import { generateControlHistory } from './generate-control-history';
import { importControlHistory } from './import-control-history';
import { trainRiskModel } from './train-risk-model';
import { trainRiskModelTask } from './train-risk-model-task';

export const DEMO_RISK_ANALYST = 'analyst@customs.example';
const DEMO_HISTORY_ROWS = 4000;

/** The model's version and status, or null when there was nothing to do. */
export async function seedDemoRiskModel(): Promise<{ version: number; status: string } | null> {
  const mode = getEnv().RISK_DEMO_MODEL;
  if (mode === 'off') return null;
  const db = getDb();
  if (await db.riskModel.findFirst({ select: { id: true } })) return null;
  const actor = await loadUserActor({ email: DEMO_RISK_ANALYST });
  const imported = await importControlHistory({ actor, source: Readable.from(formatDateCsv(generateControlHistory({ rows: DEMO_HISTORY_ROWS, idPrefix: 'DEMO' }))), fileName: 'demo-control-history.csv' });
  if (imported.status !== 'COMPLETED') return null;
  const { id } = await trainRiskModel({ actor });
  // The queued job finds the model trained and leaves it alone (the task is idempotent).
  await trainRiskModelTask({ modelId: id, parameters: { trees: 15, samplesPerTree: 600, revenueTrees: 6, revenueSamplesPerTree: 300 } });
  const trained = await db.riskModel.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
  if (mode === 'active' && trained.status === 'SHADOW') {
    await activateRiskModel({ actor, id, reason: 'Demo: trained on the synthetic history at start; beats the rules on its held-out 20 %.' }).catch(() => undefined);
  }
  return db.riskModel.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
}
