// Officer and filer actions after submission, risk rules, tariff lines and duty estimates.
import { answerQuery } from '../../lib/declarations/answer-query';
import { amendDeclaration } from '../../lib/declarations/amend-declaration';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { decideCancellation } from '../../lib/declarations/decide-cancellation';
import { overrideLane } from '../../lib/declarations/override-lane';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { recordPayment } from '../../lib/declarations/record-payment';
import { requestCancellation } from '../../lib/declarations/request-cancellation';
import { AppError, isAppError } from '../../lib/errors';
import { getRiskSettings, listRiskRules } from '../../lib/risk/list-risk-rules';
import { assertOfficial } from '../../lib/auth/policy';
import { updateRiskRule } from '../../lib/risk/update-risk-rule';
import { updateRiskSettings } from '../../lib/risk/update-risk-settings';
import { estimateDuties } from '../../lib/tariff/estimate-duties';
import { searchTariffLines } from '../../lib/tariff/search-tariff-lines';
import type { GraphQLContext } from '../context';
import type { Resolvers, UserError } from '../generated/resolvers-types';
import { declarationPayload } from './declaration-payload';

/** Input problems become userErrors; other errors stay GraphQL errors. */
async function userErrorsOf<T>(run: () => Promise<T>): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await run(), userErrors: [] };
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') return { value: null, userErrors: error.details.fieldErrors ?? [{ path: [], code: 'invalid', message: error.message }] };
    throw error;
  }
}

const json = (text: string | null | undefined) => {
  if (text == null) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new AppError('BAD_USER_INPUT', 'Some fields need correcting.', { fieldErrors: [{ path: ['changes', 'params'], code: 'invalid_json', message: 'params is JSON text, e.g. {"countries":["KP"]}.' }] });
  }
};

const actorOf = (ctx: GraphQLContext) => ctx.actor();

export const customsResolvers: Resolvers = {
  Query: {
    tariffLines: (_root, args) => searchTariffLines({ search: args.search ?? undefined, first: args.first ?? undefined, after: args.after ?? undefined }),
    dutyEstimate: (_root, { input }) => estimateDuties(input as never),
    riskRules: async (_root, _args, ctx) => {
      assertOfficial(await actorOf(ctx), 'read the risk rules');
      return listRiskRules();
    },
    riskSettings: async (_root, _args, ctx) => {
      assertOfficial(await actorOf(ctx), 'read the risk settings');
      return getRiskSettings();
    },
  },
  Mutation: {
    amendDeclaration: (_root, { id, input, reason }, ctx) => declarationPayload(ctx, async () => amendDeclaration({ actor: await actorOf(ctx), id, input: input as never, reason, requestId: ctx.requestId })),
    requestCancellation: (_root, { id, reason }, ctx) => declarationPayload(ctx, async () => requestCancellation({ actor: await actorOf(ctx), id, reason, requestId: ctx.requestId })),
    answerQuery: (_root, { id, answer, amendment }, ctx) => declarationPayload(ctx, async () => answerQuery({ actor: await actorOf(ctx), id, answer, amendment: amendment as never, requestId: ctx.requestId })),
    raiseQuery: (_root, { id, question }, ctx) => declarationPayload(ctx, async () => raiseQuery({ actor: await actorOf(ctx), id, question, requestId: ctx.requestId })),
    overrideLane: (_root, { id, lane, reason }, ctx) => declarationPayload(ctx, async () => overrideLane({ actor: await actorOf(ctx), id, lane, reason, requestId: ctx.requestId })),
    assessDuties: (_root, { id }, ctx) => declarationPayload(ctx, async () => assessDuties({ actor: await actorOf(ctx), id, requestId: ctx.requestId })),
    recordPayment: (_root, { id, amount, reference }, ctx) => declarationPayload(ctx, async () => recordPayment({ actor: await actorOf(ctx), id, amount: String(amount), reference, requestId: ctx.requestId })),
    decideCancellation: (_root, { id, grant, reason }, ctx) => declarationPayload(ctx, async () => decideCancellation({ actor: await actorOf(ctx), id, grant, reason, requestId: ctx.requestId })),
    updateRiskRule: async (_root, { key, changes }, ctx) => {
      const actor = await actorOf(ctx);
      const { value, userErrors } = await userErrorsOf(() =>
        updateRiskRule({ actor, key, changes: { weight: changes.weight ?? undefined, reason: changes.reason ?? undefined, enabled: changes.enabled ?? undefined, params: json(changes.params) }, requestId: ctx.requestId }),
      );
      return { riskRule: value, userErrors };
    },
    updateRiskSettings: async (_root, { yellowFrom, redFrom }, ctx) => {
      const actor = await actorOf(ctx);
      const { value, userErrors } = await userErrorsOf(() => updateRiskSettings({ actor, yellowFrom, redFrom, requestId: ctx.requestId }));
      return { riskSettings: value, userErrors };
    },
  },
  RiskRule: {
    params: (rule) => JSON.stringify(rule.params),
  },
  TariffLine: {
    measures: (line) => line.measures,
  },
};
