import { getHealth } from '../../lib/health/get-health';
import type { Resolvers } from '../generated/resolvers-types';

export const healthResolvers: Resolvers = {
  Query: {
    health: () => getHealth(),
  },
};
