// Why a declaration has its score, for officers and risk analysts: the rules that fired, and the model
// that scored it (the one used for its lane, else the newest shadow) with the features that moved its
// probability most, in words. Filers see none of it (lib/auth/policy.ts canSeeRiskDetails).
import type { Actor } from '../auth/actor';
import { canSeeRiskDetails } from '../auth/policy';
import { sqlOfPrisma } from '../database/sql';
import { getDb } from '../db';
import { DECLARATION_ROW_FROM, DECLARATION_ROW_SELECT, toScoredRow, type DeclarationRowRecord } from './declaration-row-sql';
import { loadRiskModel } from './load-risk-models';
import { scoreWithModel, type Contribution } from './score-with-model';

export interface RiskExplanation {
  score: number | null;
  lane: 'GREEN' | 'YELLOW' | 'RED' | null;
  modelVersion: number | null;
  /** True when the model's probability fed the score (it was active at submission). */
  modelUsed: boolean;
  modelProbability: number | null;
  expectedRevenue: number | null;
  contributions: Contribution[];
}

export async function getRiskExplanation(actor: Actor, d: { id: string; riskScore: number | null; lane: 'GREEN' | 'YELLOW' | 'RED' | null }): Promise<RiskExplanation | null> {
  if (!canSeeRiskDetails(actor)) return null;
  const sql = sqlOfPrisma(getDb());
  const scores = await sql<{ modelId: string; used: boolean }>(
    `SELECT s.model_id AS "modelId", s.used FROM risk_model_score s JOIN risk_model m ON m.id = s.model_id WHERE s.declaration_id = $1::uuid ORDER BY s.used DESC, m.version DESC LIMIT 1`,
    [d.id],
  );
  const base = { score: d.riskScore, lane: d.lane };
  const chosen = scores[0];
  const model = chosen ? await loadRiskModel(sql, chosen.modelId) : null;
  if (!chosen || !model) return { ...base, modelVersion: null, modelUsed: false, modelProbability: null, expectedRevenue: null, contributions: [] };
  const [record] = await sql<DeclarationRowRecord>(`SELECT ${DECLARATION_ROW_SELECT} FROM ${DECLARATION_ROW_FROM} WHERE d.id = $1::uuid`, [d.id]);
  const scored = scoreWithModel(model, toScoredRow(record!), { explain: true, top: 5 });
  return { ...base, modelVersion: model.version, modelUsed: chosen.used, modelProbability: scored.probability, expectedRevenue: scored.expectedRevenue, contributions: scored.contributions };
}
