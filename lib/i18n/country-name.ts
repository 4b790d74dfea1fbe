// Country names in the reader's language, from the ISO 3166-1 names i18n-iso-countries ships per language
// (sourced from CLDR). An unknown code is shown as given.
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';

import type { Locale } from './locales';

for (const data of [en, fr, es, ar]) countries.registerLocale(data);

export function countryName(code: string, locale: Locale): string {
  return countries.getName(code.toUpperCase(), locale, { select: 'official' }) ?? code;
}
