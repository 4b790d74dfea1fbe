// Every version of one requirement rule, newest first, as administrators changed or retired it (the
// immutable snapshots upsertPermitRule and retirePermitRule write). Platform administrators only.
import type { Actor } from '../auth/actor';
import { assertCanManagePermitRules } from '../auth/policy';
import { getDb } from '../db';

export interface PermitRuleVersionView {
  version: number;
  retired: boolean;
  changedAt: Date;
  changedBy: string | null;
  snapshot: Record<string, unknown>;
}

export async function listPermitRuleVersions(options: { actor: Actor; key: string }): Promise<PermitRuleVersionView[]> {
  assertCanManagePermitRules(options.actor);
  const rule = await getDb().permitRule.findUnique({ where: { key: options.key }, select: { id: true } });
  if (!rule) return [];
  const versions = await getDb().permitRuleVersion.findMany({ where: { ruleId: rule.id }, orderBy: { version: 'desc' } });
  const users = await getDb().user.findMany({ where: { id: { in: versions.map((v) => v.changedById).filter((id): id is string => !!id) } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return versions.map((v) => ({ version: v.version, retired: v.retired, changedAt: v.changedAt, changedBy: v.changedById ? (nameOf.get(v.changedById) ?? null) : null, snapshot: v.snapshot as Record<string, unknown> }));
}
