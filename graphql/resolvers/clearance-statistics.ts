// How long clearance takes (graphql/schema/clearance-statistics.graphql).
import { computeClearanceStatistics } from '../../lib/statistics/compute-clearance-statistics';
import type { Resolvers } from '../generated/resolvers-types';

const date = (v: Date | string | null | undefined) => (v === null || v === undefined ? undefined : new Date(v));

export const clearanceStatisticsResolvers: Resolvers = {
  Query: {
    clearanceStatistics: async (_root, { from, to }, ctx) => {
      const s = await computeClearanceStatistics({ actor: ctx.viewer, from: date(from), to: date(to) });
      return { ...s, bucketsHours: [...s.bucketsHours] };
    },
  },
};
