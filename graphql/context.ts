import type { Actor } from '../lib/auth/actor';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: who is asking, and per-request tools. */
export interface GraphQLContext {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** The signed-in user or API token; UNAUTHENTICATED for anonymous requests. */
  actor(): Promise<Actor>;
  /** The caller, or null when anonymous (for the public fields). */
  viewer: Actor | null;
}

/** `viewer` comes from the request's session cookie or bearer token (lib/auth/authenticate.ts). */
export function createContext(requestId: string, logger: Logger, viewer: Actor | null): GraphQLContext {
  return {
    requestId,
    logger: logger.child({ requestId }),
    loaders: createLoaders(),
    viewer,
    actor: async () => {
      if (viewer) return viewer;
      throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer cw_live_…" (see the README).');
    },
  };
}
