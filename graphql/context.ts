import type { Actor } from '../lib/auth/actor';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { ScanPartnerPrincipal } from '../lib/scans/authenticate-scan-partner';
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
  /**
   * A partner administration, when the request carries its verified RFC 9421 signature. A principal of
   * its own: `viewer` is then null, so everything but `partnerScans` treats it as anonymous.
   */
  partner: ScanPartnerPrincipal | null;
}

/** `viewer` comes from the request's session cookie or bearer token (lib/auth/authenticate.ts). */
export function createContext(requestId: string, logger: Logger, viewer: Actor | null, partner: ScanPartnerPrincipal | null = null): GraphQLContext {
  return {
    requestId,
    logger: logger.child({ requestId }),
    loaders: createLoaders(),
    viewer,
    partner,
    actor: async () => {
      if (viewer) return viewer;
      throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer cw_live_…" (see the README).');
    },
  };
}
