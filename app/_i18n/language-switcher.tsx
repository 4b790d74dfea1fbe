// The header's language choice: a labelled select and a button (no change of context on select, WCAG
// 3.2.2), posted to a server action, so it also works without JavaScript. Each language is named in itself.
import { getTranslations } from 'next-intl/server';

import { LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';
import { chooseLocale } from './choose-locale';

export async function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = await getTranslations('language');
  return (
    <form action={chooseLocale} className="language-switcher" data-testid="language-switcher">
      <label htmlFor="language-select">{t('label')}</label>
      <select id="language-select" name="locale" defaultValue={locale}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="button-small">
        {t('choose')}
      </button>
    </form>
  );
}
