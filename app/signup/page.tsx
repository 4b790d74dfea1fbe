import countries from 'i18n-iso-countries';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { MIN_PASSWORD_LENGTH } from '../../lib/auth/password';
import { countryName } from '../../lib/i18n/country-name';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../lib/i18n/locales';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('title') };
}

/** Every ISO 3166-1 country, named in the reader's language and sorted by that language's rules. */
function countryOptions(locale: Locale) {
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ value: code, label: `${countryName(code, locale)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export default async function SignUpPage() {
  const [t, requested] = await Promise.all([getTranslations('signup'), getLocale()]);
  return (
    <section className="narrow wide-form">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <SignUpForm countries={countryOptions(isLocale(requested) ? requested : DEFAULT_LOCALE)} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
