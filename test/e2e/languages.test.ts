// The portal in four languages: the first visit follows Accept-Language, the header's switcher changes it
// and a cookie remembers it, a signed-in person's choice is saved on their profile and follows them to
// another browser, Arabic is right to left. A screenshot per locale of the home and declarations pages
// lands in test-results/ (languages-<locale>-home.png, languages-<locale>-declarations.png).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOCALES } from '../../lib/i18n/locales';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession, signIn } from './portal-session';

const session = openPortalSession();
let browser: Browser;
const url = (path: string) => `${session.clearway.url}${path}`;
const TRADER = 'trader@rotterdam-importers.example';

const HOME_TITLE = {
  en: 'Clear goods across borders, without paper',
  fr: 'Dédouanez vos marchandises aux frontières, sans papier',
  es: 'Despache mercancías en las fronteras, sin papel',
  ar: 'تخليص البضائع عبر الحدود، دون ورق',
} as const;
const DECLARATIONS_TITLE = { en: 'My declarations', fr: 'Mes déclarations', es: 'Mis declaraciones', ar: 'بياناتي الجمركية' } as const;

const opened: Page[] = [];
async function newPage(locale?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  opened.push(page);
  return page;
}
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const html = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

beforeAll(() => {
  browser = session.browser;
});
afterAll(async () => {
  for (const page of opened) await page.context().close();
});

describe('languages', () => {
  it('follows Accept-Language on the first visit', async () => {
    const page = await newPage('es-ES');
    await page.goto(url('/'));
    await expect(h1(page)).resolves.toBe(HOME_TITLE.es);
    await expect(html(page)).resolves.toEqual({ lang: 'es', dir: 'ltr' });
    const other = await newPage('de-DE');
    await other.goto(url('/'));
    await expect(h1(other)).resolves.toBe(HOME_TITLE.en);
  }, 300_000);

  it('switches to Arabic from the header, right to left, and remembers it in a cookie', async () => {
    const page = await newPage('en-GB');
    await page.goto(url('/'));
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('button', { name: 'Change language' }).click();
    await expect.poll(() => h1(page)).toBe(HOME_TITLE.ar);
    await expect(html(page)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    // Mirrored: the content's text starts on the right.
    expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.reload();
    await expect(h1(page)).resolves.toBe(HOME_TITLE.ar);
    expect((await page.context().cookies()).find((c) => c.name === 'clearway-locale')?.value).toBe('ar');
    await expectNoAxeViolations(page, '/ in Arabic');
  }, 300_000);

  it("keeps a signed-in person's choice on their profile, for their other browsers", async () => {
    const first = await newPage('en-GB');
    await signIn(first, session.clearway.url, TRADER);
    await first.getByLabel('Language').selectOption('fr');
    await first.getByRole('button', { name: 'Changer de langue' }).or(first.getByRole('button', { name: 'Change language' })).first().click();
    await expect.poll(() => h1(first)).toBe(DECLARATIONS_TITLE.fr);
    // Another browser, English by Accept-Language and no cookie: after signing in, French from the profile.
    const second = await newPage('en-GB');
    await signIn(second, session.clearway.url, TRADER);
    await expect.poll(() => h1(second)).toBe(DECLARATIONS_TITLE.fr);
    await expect(html(second)).resolves.toEqual({ lang: 'fr', dir: 'ltr' });
    await expectNoAxeViolations(second, '/declarations in French');
    // Back to English for the other tests of this server.
    await second.getByLabel('Langue').selectOption('en');
    await second.getByRole('button', { name: 'Changer de langue' }).click();
    await expect.poll(() => h1(second)).toBe(DECLARATIONS_TITLE.en);
  }, 300_000);

  it('shows the home and declarations pages in every locale (screenshots)', async () => {
    const page = await newPage('en-GB');
    await signIn(page, session.clearway.url, TRADER);
    for (const locale of LOCALES) {
      // Signed in, the profile outranks the cookie: choose through the switcher, as a person would.
      await page.goto(url('/'));
      await page.locator('#language-select').selectOption(locale);
      await page.locator('[data-testid="language-switcher"] button').click();
      await expect.poll(() => h1(page)).toBe(HOME_TITLE[locale]);
      await expect(html(page)).resolves.toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
      await session.shot(`languages-${locale}-home`, page);
      await page.goto(url('/declarations'));
      await expect(h1(page)).resolves.toBe(DECLARATIONS_TITLE[locale]);
      // Status badges and dates follow the language too.
      expect(await page.getByTestId('declarations-table').locator('time').first().getAttribute('datetime')).toMatch(/^\d{4}-/);
      await expectNoAxeViolations(page, `/declarations in ${locale}`);
      await session.shot(`languages-${locale}-declarations`, page);
    }
    await page.locator('#language-select').selectOption('en');
    await page.locator('[data-testid="language-switcher"] button').click();
    await expect.poll(() => h1(page)).toBe(DECLARATIONS_TITLE.en);
  }, 300_000);

  it('shows the declaration form in Arabic, right to left, and a declaration page in French (screenshots)', async () => {
    const page = await newPage('en-GB');
    await signIn(page, session.clearway.url, TRADER);
    const choose = async (locale: string) => {
      await page.locator('#language-select').selectOption(locale);
      await page.locator('[data-testid="language-switcher"] button').click();
    };
    await choose('ar');
    await page.goto(url('/declarations/new'));
    await expect.poll(() => h1(page)).toBe('بيان جديد');
    await expect(html(page)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.locator('#step-heading').textContent()).toContain('الرأسية والأطراف');
    expect(await page.getByLabel('المرجع المحلي LRN (مرجعك)').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'حفظ المسودة' }).count()).toBe(1);
    // Client-side validation speaks Arabic too: Continue with an empty step lists the problems.
    await page.getByRole('button', { name: 'متابعة' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toContain('توجد مشكلة');
    await expectNoAxeViolations(page, '/declarations/new in Arabic');
    await session.shot('languages-ar-declaration-form', page);

    await choose('fr');
    await page.goto(url('/declarations'));
    const href = await page.getByTestId('declarations-table').locator('a').first().getAttribute('href');
    await page.goto(url(href!));
    await expect(html(page)).resolves.toEqual({ lang: 'fr', dir: 'ltr' });
    await expect.poll(() => page.locator('#history-heading').textContent()).toBe('Historique des états');
    expect(await page.locator('#versions-heading').textContent()).toBe('Versions');
    expect(await page.locator('#items-heading').textContent()).toBe('Articles');
    await expectNoAxeViolations(page, 'a declaration in French');
    await session.shot('languages-fr-declaration', page);
    await choose('en');
    await expect.poll(() => page.locator('#history-heading').textContent()).toBe('Status history');
  }, 300_000);

  // Issue 19, the recovery, verify and tariff pages (helper i18nb): read by Accept-Language alone, no sign-in.
  it('shows the password-recovery, verify and tariff pages in Arabic (right to left) and French', async () => {
    const titles = {
      ar: { '/forgot-password': 'هل نسيت كلمة المرور؟', '/verify': 'التحقق من مستند', '/tariff': 'تصنيف النظام المنسّق 2022' },
      fr: { '/forgot-password': 'Mot de passe oublié ?', '/verify': 'Vérifier un document', '/tariff': 'Nomenclature du SH 2022' },
    } as const;
    for (const locale of ['ar', 'fr'] as const) {
      const page = await newPage(locale);
      for (const [path, title] of Object.entries(titles[locale])) {
        await page.goto(url(path));
        await expect(h1(page)).resolves.toBe(title);
        await expect(html(page)).resolves.toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
        await expectNoAxeViolations(page, `${path} in ${locale}`);
        await session.shot(`languages-${locale}${path.replace(/\//g, '-')}`, page);
      }
      // The in-browser verifier words its own answers too.
      await page.goto(url('/verify'));
      await page.locator('#verify-hash').fill('not-a-hash');
      // The hash form's own button (the header's language switcher is a form too).
      await page.locator('form:has(#verify-hash) button[type="submit"]').click();
      await expect.poll(() => page.locator('#verify-hash-error').textContent()).toBe(locale === 'ar' ? 'أدخل بصمة SHA-256: \u200f64 رقمًا ست عشريًا (0–9، a–f).' : 'Saisissez une empreinte SHA-256 : 64 chiffres hexadécimaux (0–9, a–f).');
    }
  }, 300_000);

  // Issue 19, HS descriptions per language (hsdesc): the demo seed loaded French chapters and heading 09.01.
  it('shows the HS descriptions in French where loaded, and the English one marked with a note elsewhere', async () => {
    const page = await newPage('fr-FR');
    await page.goto(url('/tariff?q=caf%C3%A9+torr%C3%A9fi%C3%A9'));
    const row = (code: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
    await expect(row('0901.21').locator('td').nth(1).textContent()).resolves.toBe('Café torréfié, non décaféiné');
    await page.goto(url('/tariff?q=8471.30'));
    const cell = row('8471.30').locator('td').nth(1);
    await expect(cell.locator('span[lang="en"]').textContent()).resolves.toMatch(/^Automatic data processing machines; portable/);
    await expect(cell.locator('.untranslated').textContent()).resolves.toBe('En anglais : aucune traduction française n’est chargée.');
    await expectNoAxeViolations(page, '/tariff in French with an untranslated entry');
    await session.shot('languages-fr-tariff-untranslated', page);
  }, 300_000);

  // Issue 19, tracking and single window (i18nc): the pages in Arabic (right to left) and French.
  it('shows the tracking and permit pages in Arabic and French', async () => {
    const page = await newPage('en-GB');
    await signIn(page, session.clearway.url, TRADER);
    const choose = async (locale: 'ar' | 'fr' | 'en') => {
      await page.locator('#language-select').selectOption(locale);
      await page.locator('[data-testid="language-switcher"] button').click();
      await expect.poll(() => html(page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
    };
    await page.goto(url('/tracking'));
    await choose('ar');
    await page.goto(url('/tracking'));
    await expect(h1(page)).resolves.toBe('شحناتي');
    expect(await page.getByRole('navigation', { name: 'التصفية حسب حالة الختم' }).textContent()).toContain('الختم سليم');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await expectNoAxeViolations(page, '/tracking in Arabic');
    await session.shot('languages-ar-tracking', page);
    await page.goto(url('/permits'));
    await expect(h1(page)).resolves.toBe('طلبات التصاريح');
    await expectNoAxeViolations(page, '/permits in Arabic');
    await session.shot('languages-ar-permits', page);
    await choose('fr');
    await page.goto(url('/tracking'));
    await expect(h1(page)).resolves.toBe('Mes envois');
    await page.goto(url('/permits/finder?code=02023090&origin=BR'));
    await expect(h1(page)).resolves.toBe('De quoi ai-je besoin ?');
    expect(await page.locator('#finder-results').textContent()).toMatch(/exigence.* pour 02023090 en provenance de BR \(importation\)/);
    await expectNoAxeViolations(page, '/permits/finder in French');
    await session.shot('languages-fr-permits-finder', page);
    await choose('en');
    await expect.poll(() => h1(page)).toBe('What do I need?');
  }, 300_000);
});
