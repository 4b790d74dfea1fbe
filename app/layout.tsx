import type { Metadata } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import './globals.css';
import { directionOf, isLocale, DEFAULT_LOCALE } from '../lib/i18n/locales';
import { LanguageSwitcher } from './_i18n/language-switcher';
import { SessionExpiryWarning } from './_components/session-expiry-warning';
import { getOptionalActor, getSessionExpiry } from './session';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return { title: { default: 'Clearway', template: '%s · Clearway' }, description: t('metaDescription') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The signed-in person is looked up once for the header's navigation and account menu.
  const [t, requested, expiresAt, actor] = await Promise.all([getTranslations('shell'), getLocale(), getSessionExpiry(), getOptionalActor()]);
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t('skipLink')}
          </a>
          <header className="site-header">
            <Link href="/" className="brand">
              {t('brand')}
            </Link>
            <MainNav actor={actor} />
            <UserMenu actor={actor} />
            <LanguageSwitcher locale={locale} />
          </header>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{t.rich('footer', { code: (chunks) => <code>{chunks}</code> })}</p>
            <p>
              <Link href="/accessibility">{t('accessibility')}</Link>
            </p>
          </footer>
          {expiresAt ? <SessionExpiryWarning expiresAt={expiresAt} /> : null}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
