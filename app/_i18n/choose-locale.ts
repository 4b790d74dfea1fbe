'use server';
// The language switcher's action: remembers the choice in a cookie (for this browser, signed in or not)
// and, for a signed-in person, on their profile. The page re-renders in the new language.
import { cookies } from 'next/headers';

import { LOCALE_COOKIE, isLocale } from '../../lib/i18n/locales';
import { setUserLocale } from '../../lib/i18n/set-user-locale';
import { getOptionalActor } from '../session';

const ONE_YEAR = 365 * 24 * 3600;

export async function chooseLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: ONE_YEAR, httpOnly: false });
  const actor = await getOptionalActor();
  if (actor?.userId) await setUserLocale(actor.userId, locale);
}
