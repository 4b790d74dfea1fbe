// The learned model's part of a risk assessment (called from assess-risk.ts). The active model's
// probability becomes one weighted finding among the rules' (RISK_MODEL_WEIGHT points at probability 1),
// so thresholds and officer overrides still decide; the newest shadow model is scored too, stored for
// the risk analysts' comparison, and changes nothing.
import type { Sql } from '../database/sql';
import { getEnv } from '../env';
import { DECLARATION_ROW_FROM, DECLARATION_ROW_SELECT, toScoredRow, type DeclarationRowRecord } from './declaration-row-sql';
import { loadRiskModels } from './load-risk-models';
import { scoreWithModel } from './score-with-model';

export const MODEL_RULE_KEY = 'risk-model';

export async function learnedRiskFindings(sql: Sql, declarationId: string): Promise<{ ruleKey: string; weight: number; reason: string }[]> {
  const { active, shadow } = await loadRiskModels(sql);
  if (!active && !shadow) return [];
  const [record] = await sql<DeclarationRowRecord>(`SELECT ${DECLARATION_ROW_SELECT} FROM ${DECLARATION_ROW_FROM} WHERE d.id = $1::uuid`, [declarationId]);
  if (!record) return [];
  const row = toScoredRow(record);
  const scored = [active, shadow].flatMap((m) => (m ? [{ model: m, score: scoreWithModel(m, row, { explain: m === active, top: 3 }) }] : []));
  await sql(
    `INSERT INTO risk_model_score (declaration_id, model_id, probability, expected_revenue, used)
     SELECT $1::uuid, * FROM unnest($2::uuid[], $3::float8[], $4::numeric[], $5::bool[])
     ON CONFLICT (declaration_id, model_id) DO UPDATE SET probability = excluded.probability, expected_revenue = excluded.expected_revenue, used = excluded.used, created_at = now()`,
    [declarationId, scored.map((s) => s.model.id), scored.map((s) => s.score.probability), scored.map((s) => s.score.expectedRevenue.toFixed(2)), scored.map((s) => s.model === active)],
  );
  const own = scored.find((s) => s.model === active);
  if (!own) return [];
  const { probability, expectedRevenue, contributions } = own.score;
  const why = contributions.filter((c) => c.effect > 0).map((c) => c.description);
  return [
    {
      ruleKey: MODEL_RULE_KEY,
      weight: Math.round(probability * getEnv().RISK_MODEL_WEIGHT),
      reason: `Risk model v${own.model.version}: ${Math.round(probability * 100)} % probability of a discrepancy, expected additional revenue ${expectedRevenue.toFixed(2)}${why.length ? ` (${why.join('; ')})` : ''}.`,
    },
  ];
}
