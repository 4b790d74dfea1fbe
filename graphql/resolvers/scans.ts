// X-ray scans and image analysis (graphql/schema/scans.graphql): thin wrappers over lib/scans.
import type { Actor } from '../../lib/auth/actor';
import { annotateScan } from '../../lib/scans/annotate-scan';
import { claimScan } from '../../lib/scans/claim-scan';
import { compareScans } from '../../lib/scans/compare-scans';
import { decideScan } from '../../lib/scans/decide-scan';
import { getScan, type ScanView } from '../../lib/scans/get-scan';
import { listScanQueue } from '../../lib/scans/list-scan-queue';
import { recordScanInspection } from '../../lib/scans/record-scan-inspection';
import { registerScanStation } from '../../lib/scans/register-scan-station';
import type { GraphQLContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

const out = (s: ScanView, actor: Actor) => ({
  ...s,
  annotations: s.annotations.map((a) => ({ ...a, label: a.label as never })),
  claim: s.claim ? { ...s.claim, mine: s.claim.analystId === actor.userId } : null,
});

async function payload(ctx: GraphQLContext, run: (actor: Actor) => Promise<{ id: string }>) {
  const actor = await ctx.actor();
  const { value, userErrors } = await withUserErrors(() => run(actor));
  return { scan: value ? out(await getScan({ actor, id: value.id }), actor) : null, userErrors };
}

export const scanResolvers: Resolvers = {
  Query: {
    scan: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      return out(await getScan({ actor, id }), actor);
    },
    scanQueue: async (_root, args, ctx) => {
      const actor = await ctx.actor();
      const page = await listScanQueue({ actor, filter: args.filter ? withoutNulls(args.filter) : null, first: args.first, after: args.after });
      const edges = await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: { ...e.node, scan: out(await getScan({ actor, id: e.node.scanId }), actor) } })));
      return { ...page, edges };
    },
    scanComparison: async (_root, { scanId, otherScanId }, ctx) => {
      const c = await compareScans({ actor: await ctx.actor(), scanId, otherScanId });
      return { ...c, shiftX: c.shift.x, shiftY: c.shift.y };
    },
  },
  Mutation: {
    registerScanStation: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => registerScanStation({ actor, input: withoutNulls(input) as never, requestId: ctx.requestId }));
      return { stationId: value?.id ?? null, token: value?.token ?? null, userErrors };
    },
    claimScan: (_root, { id }, ctx) => payload(ctx, (actor) => claimScan({ actor, id, requestId: ctx.requestId })),
    annotateScan: (_root, { id, regions }, ctx) => payload(ctx, (actor) => annotateScan({ actor, id, regions: regions.map((r) => withoutNulls(r)), requestId: ctx.requestId })),
    decideScan: (_root, { id, verdict, note, regions }, ctx) =>
      payload(ctx, (actor) => decideScan({ actor, id, verdict, note, regions: regions?.map((r) => withoutNulls(r)), requestId: ctx.requestId })),
    recordScanInspection: (_root, { id, note }, ctx) => payload(ctx, (actor) => recordScanInspection({ actor, id, note, requestId: ctx.requestId })),
  },
};
