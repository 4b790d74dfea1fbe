import { getActingUser, type Actor } from '../lib/actors/actor';
import type { Logger } from '../lib/logger';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: who is asking, and per-request tools. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** The acting user, looked up once per request on first use. */
  actor(): Promise<Actor>;
}

/**
 * `demoUser` is the `x-demo-user` header: until sign-in exists (the Identity capability), it names the
 * seeded user a request acts as.
 */
export function createContext(requestId: string, logger: Logger, demoUser?: string): GraphQLContext {
  let actor: Promise<Actor> | undefined;
  return {
    requestId,
    logger: logger.child({ requestId }),
    loaders: createLoaders(),
    actor: () => (actor ??= getActingUser(demoUser)),
  };
}
