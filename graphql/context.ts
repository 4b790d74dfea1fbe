import type { Logger } from '../lib/logger';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: who is asking (later: the signed-in actor), and per-request tools. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
}

export function createContext(requestId: string, logger: Logger): GraphQLContext {
  return { requestId, logger: logger.child({ requestId }), loaders: createLoaders() };
}
