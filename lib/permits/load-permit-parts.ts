// Batch loaders for GraphQL's per-request DataLoaders (graphql/loaders.ts): what hangs off an
// application or a permit, each list in one query, in the order of the keys.
import { getDb } from '../db';
import type { Agency, Permit } from '../generated/prisma/client';
import type { PermitRuleView } from './permit-rule-view';

export async function loadAgencies(ids: readonly string[]): Promise<(Agency | null)[]> {
  const rows = await getDb().agency.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function loadPermitRules(ids: readonly string[]): Promise<(PermitRuleView | null)[]> {
  const rows = await getDb().permitRule.findMany({ where: { id: { in: [...ids] } }, include: { agency: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The permit issued on each application (by application id). */
export async function loadPermitsOfApplications(applicationIds: readonly string[]): Promise<(Permit | null)[]> {
  const rows = await getDb().permit.findMany({ where: { applicationId: { in: [...applicationIds] } } });
  const byApp = new Map(rows.map((r) => [r.applicationId, r]));
  return applicationIds.map((id) => byApp.get(id) ?? null);
}
