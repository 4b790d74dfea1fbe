// The language of a PDF download (lib/pdf/pick-pdf-locale.ts) from the request's language cookie and
// Accept-Language header.
import type { IncomingMessage } from 'node:http';

import type { Actor } from '../lib/auth/actor';
import { LOCALE_COOKIE, type Locale } from '../lib/i18n/locales';
import { pickPdfLocale } from '../lib/pdf/pick-pdf-locale';

const COOKIE = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

export function requestPdfLocale(req: IncomingMessage, actor: Actor): Promise<Locale> {
  const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
  const cookie = COOKIE.exec(header(req.headers.cookie) ?? '')?.[1] ?? null;
  return pickPdfLocale({ actor, acceptLanguage: header(req.headers['accept-language']), cookie });
}
