// What a declaration is and how to read it (graphql/schema/declarations.graphql); the mutations that
// change one are in declaration-lifecycle.ts.
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import type { Resolvers } from '../generated/resolvers-types';

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
  Declaration: {
    declarant: async (d, _args, ctx) => (await ctx.loaders.company.load(d.declarantId))!,
    importer: (d, _args, ctx) => (d.importerId ? ctx.loaders.company.load(d.importerId) : null),
    exporter: (d, _args, ctx) => (d.exporterId ? ctx.loaders.company.load(d.exporterId) : null),
    representative: (d, _args, ctx) => (d.representativeId ? ctx.loaders.company.load(d.representativeId) : null),
    items: (d, _args, ctx) => ctx.loaders.goodsItems.load(d.id),
    containers: (d, _args, ctx) => ctx.loaders.containers.load(d.id),
    statusHistory: (d, _args, ctx) => ctx.loaders.statusChanges.load(d.id),
    versions: (d, _args, ctx) => ctx.loaders.versions.load(d.id),
    riskFindings: (d, _args, ctx) => ctx.loaders.riskFindings.load(d.id),
    queries: (d, _args, ctx) => ctx.loaders.queries.load(d.id),
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
