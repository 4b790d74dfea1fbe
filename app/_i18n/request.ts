// next-intl's request configuration, without locale routing (URLs stay as they are): the language comes
// from the signed-in person's profile, else the cookie the language switcher sets, else Accept-Language.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';

import { decodeSession, sessionCookieName } from '../../graphql/read-session';
import { getUserLocale } from '../../lib/i18n/get-user-locale';
import { LOCALE_COOKIE } from '../../lib/i18n/locales';
import { pickLocale } from '../../lib/i18n/pick-locale';

export default getRequestConfig(async () => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const token = jar.get(sessionCookieName())?.value;
  const session = token ? await decodeSession(token) : null;
  const profile = session ? await getUserLocale(session.userId) : null;
  const locale = pickLocale({ profile, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get('accept-language') });
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    // A missing key shows its path (test/i18n/messages.test.ts keeps every locale complete).
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});
