// The language a downloaded PDF is printed in: the person's profile language, else what their browser
// remembers (the portal's language cookie) or asks for (Accept-Language), else English — the portal's own
// order (pickLocale), so the PDF speaks the language of the page it was downloaded from. An API token acts
// for a company, not for the person who created it: only the request's Accept-Language counts for it.
import type { Actor } from '../auth/actor';
import { getUserLocale } from '../i18n/get-user-locale';
import type { Locale } from '../i18n/locales';
import { pickLocale } from '../i18n/pick-locale';

export async function pickPdfLocale(options: { actor: Actor; acceptLanguage?: string | null; cookie?: string | null }): Promise<Locale> {
  const { actor, acceptLanguage, cookie } = options;
  if (actor.token) return pickLocale({ acceptLanguage });
  return pickLocale({ profile: await getUserLocale(actor.userId), cookie, acceptLanguage });
}
