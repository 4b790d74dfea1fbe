// Retiring a rule stops it applying to new lookups and submissions; declarations submitted under it
// keep their requirement (and its version). Retiring is a version of its own, audited.
import type { Actor } from '../auth/actor';
import { assertCanManagePermitRules } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { permitError } from './permit-error';
import { ruleSnapshot, type PermitRuleView } from './permit-rule-view';

export async function retirePermitRule(options: { actor: Actor; key: string; requestId?: string }): Promise<PermitRuleView> {
  const { actor, key } = options;
  assertCanManagePermitRules(actor);
  return getDb().$transaction(async (tx) => {
    const [current] = await tx.$queryRawUnsafe<{ version: number; retired_at: Date | null }[]>(`SELECT version, retired_at FROM permit_rule WHERE key = $1 FOR UPDATE`, key);
    if (!current) throw permitError('NOT_FOUND', 'ruleNotFound', { rule: key });
    if (current.retired_at) throw permitError('CONFLICT', 'ruleAlreadyRetired', { rule: key });
    const version = current.version + 1;
    const rule = await tx.permitRule.update({ where: { key }, data: { version, retiredAt: new Date() }, include: { agency: true } });
    await tx.permitRuleVersion.create({ data: { ruleId: rule.id, version, snapshot: ruleSnapshot(rule) as object, retired: true, changedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'permit_rule.retire', targetType: 'permit_rule', targetId: rule.id, requestId: options.requestId, details: { key, version } });
    return rule;
  });
}
