// A rule as read by GraphQL and the pages: the current version with its agency.
import type { Agency, PermitRule } from '../generated/prisma/client';

export type PermitRuleView = PermitRule & { agency: Agency };

/** The fields a version snapshot keeps (permit_rule_version.snapshot): everything that decides or explains a requirement. */
export function ruleSnapshot(r: PermitRule & { agency: Pick<Agency, 'code'> }): Record<string, unknown> {
  return {
    key: r.key,
    agencyCode: r.agency.code,
    documentCode: r.documentCode,
    hsPrefix: r.hsPrefix,
    originInclude: r.originInclude,
    originExclude: r.originExclude,
    direction: r.direction,
    procedureCodes: r.procedureCodes,
    severity: r.severity,
    validityDays: r.validityDays,
    quantityManaged: r.quantityManaged,
    quantityUnit: r.quantityUnit,
    legalBasis: r.legalBasis,
    reason: r.reason,
  };
}
