// Platform administrators add or change a requirement rule. Each change is a new version: the current
// fields in permit_rule, the version as it was in permit_rule_version (declarations submitted under an
// older version keep pointing at it), and the audit row, in one transaction.
import type { Actor } from '../auth/actor';
import { assertCanManagePermitRules } from '../auth/policy';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { cataloguedMessage } from '../i18n/catalogued-message';
import { fieldsNeedCorrecting, parseInput } from '../validation';
import { permitRuleInput, type PermitRuleInput } from './permit-rule-input';
import { ruleSnapshot, type PermitRuleView } from './permit-rule-view';

export async function upsertPermitRule(options: { actor: Actor; input: PermitRuleInput; requestId?: string }): Promise<PermitRuleView> {
  const { actor } = options;
  assertCanManagePermitRules(actor);
  const v = parseInput(permitRuleInput, options.input);
  return getDb().$transaction(async (tx) => {
    const agency = await tx.agency.findUnique({ where: { code: v.agencyCode } });
    if (!agency) throw fieldsNeedCorrecting([{ path: ['agencyCode'], code: 'UNKNOWN', ...cataloguedMessage('permits.agencyUnknown', { agencyCode: v.agencyCode }) }]);
    // Serialises concurrent changes of one rule, so two edits cannot both become version n + 1.
    const [current] = await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM permit_rule WHERE key = $1 FOR UPDATE`, v.key);
    const version = (current?.version ?? 0) + 1;
    const data = {
      agencyId: agency.id,
      version,
      documentCode: v.documentCode,
      hsPrefix: v.hsPrefix,
      originInclude: v.originInclude,
      originExclude: v.originExclude,
      direction: v.direction,
      procedureCodes: v.procedureCodes,
      severity: v.severity,
      validityDays: v.validityDays,
      quantityManaged: v.quantityManaged,
      quantityUnit: v.quantityManaged ? (v.quantityUnit ?? null) : null,
      legalBasis: v.legalBasis,
      reason: v.reason,
      // A changed rule is in force again (an administrator who edits a retired rule revives it).
      retiredAt: null,
    };
    const rule = await tx.permitRule.upsert({ where: { key: v.key }, create: { key: v.key, ...data }, update: data, include: { agency: true } });
    await tx.permitRuleVersion.create({ data: { ruleId: rule.id, version, snapshot: ruleSnapshot(rule) as object, changedById: actor.userId } });
    await recordAudit(tx, { actor, action: 'permit_rule.upsert', targetType: 'permit_rule', targetId: rule.id, requestId: options.requestId, details: { key: rule.key, version } });
    return rule;
  });
}
