// Risk rules and lane thresholds: officers and administrators read and tune them (graphql/schema/risk.graphql).
import { getRiskSettings, listRiskRules } from '../../lib/risk/list-risk-rules';
import { assertOfficial } from '../../lib/auth/policy';
import { updateRiskRule } from '../../lib/risk/update-risk-rule';
import { updateRiskSettings } from '../../lib/risk/update-risk-settings';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { fieldsNeedCorrecting } from '../../lib/validation';

/** `params` travels as JSON text; text that is not JSON is the caller's to fix. */
function parseParams(text: string | null | undefined): Record<string, unknown> | undefined {
  if (text == null) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw fieldsNeedCorrecting([{ path: ['changes', 'params'], code: 'INVALID', message: 'params is JSON text, e.g. {"countries":["KP"]}.' }]);
  }
}

export const riskResolvers: Resolvers = {
  Query: {
    riskRules: async (_root, _args, ctx) => {
      assertOfficial(await ctx.actor(), 'read the risk rules and settings');
      return listRiskRules();
    },
    riskSettings: async (_root, _args, ctx) => {
      assertOfficial(await ctx.actor(), 'read the risk rules and settings');
      return getRiskSettings();
    },
  },
  Mutation: {
    updateRiskRule: async (_root, { key, changes }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() =>
        updateRiskRule({ actor, key, changes: { weight: changes.weight ?? undefined, reason: changes.reason ?? undefined, enabled: changes.enabled ?? undefined, params: parseParams(changes.params) }, requestId: ctx.requestId }),
      );
      return { riskRule: value, userErrors };
    },
    updateRiskSettings: async (_root, { yellowFrom, redFrom }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => updateRiskSettings({ actor, yellowFrom, redFrom, requestId: ctx.requestId }));
      return { riskSettings: value, userErrors };
    },
  },
  RiskRule: {
    params: (rule) => JSON.stringify(rule.params),
  },
};
