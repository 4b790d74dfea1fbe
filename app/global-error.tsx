'use client';

// Shown when the root layout itself failed: it replaces the whole document, so it brings its own
// <html> and <body>, no stylesheet of the layout, and its own messages — the layout's
// NextIntlClientProvider is gone with it (next-intl's docs: global-error renders outside it). It speaks
// English at once, then the language the browser remembers (the switcher's cookie) or asks for, loaded
// on demand so that the other catalogues stay out of every page's bundle. The profile is not reachable
// here: the server that knows it is what failed.
import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import { DEFAULT_LOCALE, directionOf, LOCALE_COOKIE, type Locale } from '../lib/i18n/locales';
import { pickLocale } from '../lib/i18n/pick-locale';
import en from '../messages/en.json';
import { ErrorReference } from './_components/error-reference';

type Messages = { errorPage: typeof en.errorPage };

function browserLocale(): Locale {
  const cookie = document.cookie
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return pickLocale({ cookie: cookie ? decodeURIComponent(cookie) : null, acceptLanguage: navigator.languages.join(',') });
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [shown, setShown] = useState<{ locale: Locale; messages: Messages }>({ locale: DEFAULT_LOCALE, messages: { errorPage: en.errorPage } });
  useEffect(() => {
    const locale = browserLocale();
    if (locale === DEFAULT_LOCALE) return;
    let live = true;
    import(`../messages/${locale}.json`)
      .then((m: { default: Messages }) => live && setShown({ locale, messages: { errorPage: m.default.errorPage } }))
      .catch(() => undefined); // English stays
    return () => {
      live = false;
    };
  }, []);
  return (
    <html lang={shown.locale} dir={directionOf(shown.locale)}>
      <body>
        <NextIntlClientProvider locale={shown.locale} messages={shown.messages} timeZone="UTC">
          <GlobalErrorBody digest={error.digest} reset={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

function GlobalErrorBody({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main id="main">
      <h1>{t('unavailable')}</h1>
      <p>{t('unavailableLead')}</p>
      <ErrorReference digest={digest} />
      <p>
        <button type="button" onClick={() => reset()}>
          {t('tryAgain')}
        </button>
      </p>
    </main>
  );
}
