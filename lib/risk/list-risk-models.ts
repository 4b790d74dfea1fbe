// Risk models for the analysts' dashboard and GraphQL: every version with its held-out metrics, and
// the live hit rate of controlled declarations each one scored (drift), per lane.
import type { Actor } from '../auth/actor';
import { assertCanReadRiskModels } from '../auth/policy';
import { getDb } from '../db';
import type { RiskModel } from '../generated/prisma/client';

export type RiskModelSummary = Omit<RiskModel, 'artifact'> & { liveHitRates: { lane: string; controlled: number; discrepancies: number }[] };

const SELECT = { artifact: false } as const;

async function withLive(models: Omit<RiskModel, 'artifact'>[]): Promise<RiskModelSummary[]> {
  if (!models.length) return [];
  const rows = await getDb().$queryRaw<{ modelId: string; lane: string; controlled: number; discrepancies: number }[]>`
    SELECT s.model_id::text AS "modelId", d.lane::text AS lane, count(*)::int AS controlled, count(*) FILTER (WHERE r.outcome <> 'NO_DISCREPANCY')::int AS discrepancies
      FROM risk_model_score s
      JOIN declaration d ON d.id = s.declaration_id
      JOIN LATERAL (SELECT outcome FROM control_result c WHERE c.declaration_id = d.id ORDER BY version DESC LIMIT 1) r ON true
     WHERE s.model_id = ANY(${models.map((m) => m.id)}::uuid[]) AND d.lane IS NOT NULL
     GROUP BY s.model_id, d.lane ORDER BY d.lane`;
  return models.map((m) => ({ ...m, liveHitRates: rows.filter((r) => r.modelId === m.id).map(({ lane, controlled, discrepancies }) => ({ lane, controlled, discrepancies })) }));
}

export async function listRiskModels(actor: Actor): Promise<RiskModelSummary[]> {
  assertCanReadRiskModels(actor);
  return withLive(await getDb().riskModel.findMany({ omit: SELECT, orderBy: { version: 'desc' }, take: 50 }));
}

export async function getRiskModel(actor: Actor, id: string): Promise<RiskModelSummary | null> {
  assertCanReadRiskModels(actor);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const m = await getDb().riskModel.findUnique({ where: { id }, omit: SELECT });
  return m ? (await withLive([m]))[0]! : null;
}
