// The officers' queue (graphql/schema/officer-queue.graphql): reading, claims and saved views.
import { isOfficial } from '../../lib/auth/policy';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { claimDeclaration } from '../../lib/officer-queue/claim-declaration';
import type { ClaimView } from '../../lib/officer-queue/get-claim';
import { loadClaims } from '../../lib/officer-queue/load-claims';
import { listOfficerQueue, type OfficerQueueFilter } from '../../lib/officer-queue/list-officer-queue';
import { listOfficerQueueViews } from '../../lib/officer-queue/list-officer-queue-views';
import { reassignDeclaration } from '../../lib/officer-queue/reassign-declaration';
import { saveOfficerQueueView } from '../../lib/officer-queue/save-officer-queue-view';
import { unclaimDeclaration } from '../../lib/officer-queue/unclaim-declaration';
import type { Actor } from '../../lib/auth/actor';
import type { GraphQLContext } from '../context';
import type { OfficerQueueOrder, Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

const claimOut = (c: ClaimView | null | undefined, actor: Actor) =>
  c ? { officerName: c.officerName, officerEmail: c.officerEmail, claimedAt: c.claimedAt, returnsAt: c.returnsAt, mine: c.officerId === actor.userId } : null;

async function payload(ctx: GraphQLContext, run: (actor: Actor) => Promise<{ id: string }>) {
  const actor = await ctx.actor();
  const { value, userErrors } = await withUserErrors(() => run(actor));
  return { declaration: value ? await getDeclaration({ actor, id: value.id }) : null, userErrors, replayed: false };
}

export const officerQueueResolvers: Resolvers = {
  Query: {
    officerQueue: async (_root, args, ctx) => {
      const actor = await ctx.actor();
      const page = await listOfficerQueue({
        actor,
        filter: args.filter ? (withoutNulls(args.filter) as OfficerQueueFilter) : undefined,
        orderBy: args.orderBy ?? undefined,
        first: args.first ?? undefined,
        after: args.after ?? undefined,
      });
      return {
        ...page,
        edges: page.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, claim: claimOut(e.node.claim, actor) } })),
        byStatus: page.byStatus.map((s) => ({ key: s.status, count: s.count })),
        byLane: page.byLane.map((l) => ({ key: l.lane, count: l.count })),
      };
    },
    officerQueueViews: async (_root, _args, ctx) =>
      (await listOfficerQueueViews({ actor: await ctx.actor() })).map((v) => ({ id: v.id, name: v.name, filter: JSON.stringify(v.filter), orderBy: v.orderBy as OfficerQueueOrder })),
  },
  Mutation: {
    claimDeclaration: (_root, { id }, ctx) => payload(ctx, (actor) => claimDeclaration({ actor, id, requestId: ctx.requestId })),
    unclaimDeclaration: (_root, { id }, ctx) => payload(ctx, (actor) => unclaimDeclaration({ actor, id, requestId: ctx.requestId })),
    reassignDeclaration: (_root, { id, officerEmail }, ctx) => payload(ctx, (actor) => reassignDeclaration({ actor, id, officerEmail, requestId: ctx.requestId })),
    saveOfficerQueueView: async (_root, { name, filter, orderBy }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => saveOfficerQueueView({ actor, name, filter: withoutNulls(filter) as OfficerQueueFilter, orderBy: orderBy ?? undefined }));
      if (!value) return { view: null, userErrors };
      const view = (await listOfficerQueueViews({ actor })).find((v) => v.id === value.id)!;
      return { view: { id: view.id, name: view.name, filter: JSON.stringify(view.filter), orderBy: view.orderBy as OfficerQueueOrder }, userErrors };
    },
  },
  Declaration: {
    claim: async (d, _args, ctx) => {
      const actor = await ctx.actor();
      if (!isOfficial(actor)) return null;
      return claimOut((await loadClaims([d.id])).get(d.id), actor);
    },
  },
};
