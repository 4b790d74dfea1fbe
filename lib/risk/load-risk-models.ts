// The active model and the newest shadow model, ready to score, cached per process for MODELS_TTL_MS
// (and dropped at once after an activation or a training in this process): submissions are the hot
// path and a model's artifact is large.
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';

import type { Sql } from '../database/sql';
import type { RiskModelArtifact } from './fit-risk-model';
import type { Profile } from './risk-features';

export interface LoadedRiskModel {
  id: string;
  version: number;
  status: 'ACTIVE' | 'SHADOW' | 'RETIRED';
  profile: Profile;
  classifier: RandomForestClassifier;
  regressor: RandomForestRegression | null;
  meanRevenue: number;
}

const MODELS_TTL_MS = 5_000;
let cache: { at: number; active: LoadedRiskModel | null; shadow: LoadedRiskModel | null } | undefined;
const byId = new Map<string, LoadedRiskModel>();

export function invalidateRiskModels(): void {
  cache = undefined;
}

function load(row: { id: string; version: number; status: LoadedRiskModel['status']; artifact: RiskModelArtifact }): LoadedRiskModel {
  const known = byId.get(row.id);
  if (known) return { ...known, status: row.status };
  const model: LoadedRiskModel = {
    id: row.id,
    version: row.version,
    status: row.status,
    profile: row.artifact.profile,
    classifier: RandomForestClassifier.load(row.artifact.classifier as Parameters<typeof RandomForestClassifier.load>[0]),
    regressor: row.artifact.regressor ? RandomForestRegression.load(row.artifact.regressor as Parameters<typeof RandomForestRegression.load>[0]) : null,
    meanRevenue: row.artifact.meanRevenue,
  };
  byId.set(row.id, model);
  return model;
}

export async function loadRiskModels(sql: Sql): Promise<{ active: LoadedRiskModel | null; shadow: LoadedRiskModel | null }> {
  if (cache && Date.now() - cache.at < MODELS_TTL_MS) return cache;
  const heads = await sql<{ id: string; status: string }>(
    `(SELECT id, status::text FROM risk_model WHERE status = 'ACTIVE' LIMIT 1)
     UNION ALL (SELECT id, status::text FROM risk_model WHERE status = 'SHADOW' ORDER BY version DESC LIMIT 1)`,
  );
  const missing = heads.filter((h) => !byId.has(h.id)).map((h) => h.id);
  const rows = missing.length
    ? await sql<{ id: string; version: number; status: LoadedRiskModel['status']; artifact: RiskModelArtifact }>(`SELECT id, version, status::text AS status, artifact FROM risk_model WHERE id = ANY($1::uuid[])`, [missing])
    : [];
  for (const r of rows) load(r);
  const pick = (status: string) => {
    const h = heads.find((x) => x.status === status);
    const m = h ? byId.get(h.id) : undefined;
    return m ? { ...m, status: status as LoadedRiskModel['status'] } : null;
  };
  cache = { at: Date.now(), active: pick('ACTIVE'), shadow: pick('SHADOW') };
  return cache;
}

/** Any model by id (explanations of scores by a model no longer active). */
export async function loadRiskModel(sql: Sql, id: string): Promise<LoadedRiskModel | null> {
  const known = byId.get(id);
  if (known) return known;
  const [row] = await sql<{ id: string; version: number; status: LoadedRiskModel['status']; artifact: RiskModelArtifact | null }>(`SELECT id, version, status::text AS status, artifact FROM risk_model WHERE id = $1::uuid`, [id]);
  return row?.artifact ? load({ ...row, artifact: row.artifact }) : null;
}
