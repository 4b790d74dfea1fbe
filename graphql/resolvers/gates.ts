// Terminal gates (graphql/schema/gates.graphql): thin calls into lib/gates.
import { decideGate } from '../../lib/gates/decide-gate';
import { getGateTraffic } from '../../lib/gates/get-gate-traffic';
import { listGateEvents } from '../../lib/gates/list-gate-events';
import { listGates } from '../../lib/gates/list-gates';
import { upsertGate } from '../../lib/gates/upsert-gate';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

const date = (v: Date | string | null | undefined) => (v ? new Date(v) : undefined);

export const gateResolvers: Resolvers = {
  Query: {
    gateDecision: async (_root, args, ctx) =>
      decideGate({
        actor: await ctx.actor(),
        input: { containerNumber: args.containerNumber, gate: args.gate, requestId: args.requestId, sealNumbers: args.sealNumbers },
        requestId: ctx.requestId,
      }),
    gateEvents: async (_root, args, ctx) => {
      const f = args.filter ? withoutNulls(args.filter) : {};
      return listGateEvents({
        actor: await ctx.actor(),
        filter: { ...f, from: date(f.from), to: date(f.to) },
        first: args.first ?? undefined,
        after: args.after ?? undefined,
      });
    },
    gates: async (_root, args, ctx) => listGates({ actor: await ctx.actor(), includeRetired: args.includeRetired ?? false }),
    gateTraffic: async (_root, args, ctx) => getGateTraffic({ actor: await ctx.actor(), since: date(args.since) }),
  },
  Mutation: {
    upsertGate: async (_root, args, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => upsertGate({ actor, input: withoutNulls(args.input) }));
      return { gate: value, userErrors };
    },
  },
};
