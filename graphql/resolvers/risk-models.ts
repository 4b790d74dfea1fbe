// Learned risk over GraphQL (graphql/schema/risk-models.graphql): thin wrappers around lib/risk.
import { activateRiskModel } from '../../lib/risk/activate-risk-model';
import type { RiskModelMetrics } from '../../lib/risk/fit-risk-model';
import { getRiskExplanation } from '../../lib/risk/get-risk-explanation';
import { importControlHistory, type ImportProblem } from '../../lib/risk/import-control-history';
import { getRiskModel, listRiskModels, type RiskModelSummary } from '../../lib/risk/list-risk-models';
import { trainRiskModel } from '../../lib/risk/train-risk-model';
import { undoControlHistoryImport } from '../../lib/risk/undo-control-history-import';
import { getControlHistoryImport } from '../../lib/risk/get-control-history-import';
import type { ControlHistoryImport, RiskModel, Resolvers, RiskLane } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

function model(m: RiskModelSummary): RiskModel {
  return {
    ...m,
    features: m.features as string[],
    parameters: JSON.stringify(m.parameters),
    metrics: (m.metrics as unknown as RiskModelMetrics | null) ?? null,
    liveHitRates: m.liveHitRates.map((r) => ({ ...r, lane: r.lane as RiskLane })),
  };
}

function importView(i: NonNullable<Awaited<ReturnType<typeof getControlHistoryImport>>>): ControlHistoryImport {
  return { ...i, bytesRead: Number(i.bytesRead), errors: i.errors as unknown as ImportProblem[] };
}

export const riskModelResolvers: Resolvers = {
  Query: {
    riskModels: async (_root, _args, ctx) => (await listRiskModels(await ctx.actor())).map(model),
    riskModel: async (_root, { id }, ctx) => {
      const m = await getRiskModel(await ctx.actor(), id);
      return m && model(m);
    },
    controlHistoryImport: async (_root, { id }, ctx) => {
      const i = await getControlHistoryImport(await ctx.actor(), id);
      return i && importView(i);
    },
  },
  Mutation: {
    importControlHistory: async (_root, { csv, fileName, mapping }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() =>
        importControlHistory({ actor, source: csv, fileName: fileName ?? undefined, mapping: Object.fromEntries((mapping ?? []).map((m) => [m.column, m.fileColumn])), requestId: ctx.requestId }),
      );
      return { controlHistoryImport: value && importView(value), userErrors };
    },
    undoControlHistoryImport: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => undoControlHistoryImport({ actor, id, requestId: ctx.requestId }));
      return { controlHistoryImport: value && importView(value), userErrors };
    },
    trainRiskModel: async (_root, _args, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => trainRiskModel({ actor, requestId: ctx.requestId }));
      const m = value && (await getRiskModel(actor, value.id));
      return { riskModel: m && model(m), userErrors };
    },
    activateRiskModel: async (_root, { id, reason, force }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => activateRiskModel({ actor, id, reason, force: force ?? false, requestId: ctx.requestId }));
      const m = value && (await getRiskModel(actor, value.id));
      return { riskModel: m && model(m), userErrors };
    },
  },
  Declaration: {
    riskExplanation: async (d, _args, ctx) => {
      const e = await getRiskExplanation(await ctx.actor(), d);
      return e && { ...e, expectedRevenue: e.expectedRevenue === null ? null : e.expectedRevenue.toFixed(2) };
    },
  },
};
