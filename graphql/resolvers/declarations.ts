import { canReadFilingDetails, canSeeRiskDetails } from '../../lib/auth/policy';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import { redactStatusHistory } from '../../lib/declarations/redact-status-history';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { updateDeclarationDraft } from '../../lib/declarations/update-declaration-draft';
import type { Resolvers } from '../generated/resolvers-types';
import { declarationPayload } from './declaration-payload';

export const declarationResolvers: Resolvers = {
  Query: {
    declaration: async (_root, args, ctx) => getDeclaration({ actor: await ctx.actor(), id: args.id, lrn: args.lrn, mrn: args.mrn }),
    declarations: async (_root, args, ctx) =>
      listDeclarations({
        actor: await ctx.actor(),
        input: {
          status: args.filter?.status ?? undefined,
          lane: args.filter?.lane ?? undefined,
          partyEori: args.filter?.partyEori ?? undefined,
          hsCode: args.filter?.hsCode ?? undefined,
          createdFrom: args.filter?.createdFrom ?? undefined,
          createdTo: args.filter?.createdTo ?? undefined,
          text: args.filter?.text ?? undefined,
          orderBy: args.orderBy ?? undefined,
          first: args.first ?? undefined,
          after: args.after ?? undefined,
        },
      }),
  },
  Mutation: {
    createDeclarationDraft: (_root, { input }, ctx) =>
      declarationPayload(ctx, async () => createDeclarationDraft({ actor: await ctx.actor(), input: input as never, requestId: ctx.requestId })),
    updateDeclarationDraft: (_root, { id, input }, ctx) =>
      declarationPayload(ctx, async () => updateDeclarationDraft({ actor: await ctx.actor(), id, input: input as never, requestId: ctx.requestId })),
    submitDeclaration: (_root, { id, idempotencyKey }, ctx) =>
      declarationPayload(ctx, async () => submitDeclaration({ actor: await ctx.actor(), id, idempotencyKey: idempotencyKey ?? undefined, requestId: ctx.requestId })),
    releaseDeclaration: (_root, { id, reason }, ctx) =>
      declarationPayload(ctx, async () => decideDeclaration({ actor: await ctx.actor(), id, decision: 'RELEASED', reason: reason ?? undefined, requestId: ctx.requestId })),
    rejectDeclaration: (_root, { id, reason }, ctx) =>
      declarationPayload(ctx, async () => decideDeclaration({ actor: await ctx.actor(), id, decision: 'REJECTED', reason, requestId: ctx.requestId })),
  },
  Declaration: {
    declarant: async (d, _args, ctx) => (await ctx.loaders.company.load(d.declarantId))!,
    importer: (d, _args, ctx) => (d.importerId ? ctx.loaders.company.load(d.importerId) : null),
    exporter: (d, _args, ctx) => (d.exporterId ? ctx.loaders.company.load(d.exporterId) : null),
    representative: (d, _args, ctx) => (d.representativeId ? ctx.loaders.company.load(d.representativeId) : null),
    items: (d, _args, ctx) => ctx.loaders.goodsItems.load(d.id),
    containers: (d, _args, ctx) => ctx.loaders.containers.load(d.id),
    // Risk internals, queries and reasons follow lib/auth/policy.ts (canSeeRiskDetails, canReadFilingDetails).
    riskScore: async (d, _args, ctx) => (canSeeRiskDetails(await ctx.actor()) ? d.riskScore : null),
    statusHistory: async (d, _args, ctx) => redactStatusHistory(await ctx.actor(), d, await ctx.loaders.statusChanges.load(d.id)),
    versions: (d, _args, ctx) => ctx.loaders.versions.load(d.id),
    riskFindings: async (d, _args, ctx) => (canSeeRiskDetails(await ctx.actor()) ? ctx.loaders.riskFindings.load(d.id) : []),
    queries: async (d, _args, ctx) => (canReadFilingDetails(await ctx.actor(), d) ? ctx.loaders.queries.load(d.id) : []),
  },
  GoodsItem: {
    dutyLines: (item, _args, ctx) => ctx.loaders.dutyLines.load(item.id),
  },
  StatusChange: {
    from: (c) => c.fromStatus,
    to: (c) => c.toStatus,
    actorEmail: async (c, _args, ctx) => (c.actorId ? ((await ctx.loaders.user.load(c.actorId))?.email ?? null) : null),
  },
};
