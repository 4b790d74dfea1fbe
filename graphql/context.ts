import type { Actor } from '../lib/auth/actor';
import { AppError } from '../lib/errors';
import { cataloguedMessage } from '../lib/i18n/catalogued-message';
import { getUserLocale } from '../lib/i18n/get-user-locale';
import type { Locale } from '../lib/i18n/locales';
import { pickLocale } from '../lib/i18n/pick-locale';
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
  /**
   * The language of error messages and of HS descriptions: the request's Accept-Language (an unknown one
   * gives English), else the signed-in person's profile language, else English. Looked up only when an
   * answer has errors or asks for HS entries.
   */
  locale(): Promise<Locale>;
}

const SIGN_IN_REQUIRED = cataloguedMessage('signInRequired');

/** Whether an Accept-Language header asks for some language (`*`, which fetch clients send, asks for none). */
const namesLanguage = (header: string | null | undefined): boolean =>
  (header ?? '').split(',').some((range) => !['', '*'].includes((range.split(';')[0] ?? '').trim()));

/** `viewer` comes from the request's session cookie or bearer token (lib/auth/authenticate.ts). */
export function createContext(
  requestId: string,
  logger: Logger,
  viewer: Actor | null,
  partner: ScanPartnerPrincipal | null = null,
  acceptLanguage: string | null = null,
): GraphQLContext {
  let locale: Promise<Locale> | undefined;
  return {
    requestId,
    logger: logger.child({ requestId }),
    loaders: createLoaders(),
    viewer,
    partner,
    actor: async () => {
      if (viewer) return viewer;
      throw new AppError('UNAUTHENTICATED', SIGN_IN_REQUIRED.message, { messageKey: SIGN_IN_REQUIRED.messageKey, params: {} });
    },
    locale: () => {
      // An API client that names a language gets it (or English); the profile speaks for the others.
      locale ??= namesLanguage(acceptLanguage)
        ? Promise.resolve(pickLocale({ acceptLanguage }))
        : viewer
          ? getUserLocale(viewer.userId).then((profile) => pickLocale({ profile }))
          : Promise.resolve(pickLocale({}));
      return locale;
    },
  };
}
