// Standard interchange in the browser, on the server as `npm start` runs it (its job worker included):
// a trader opens Interchange from the nav, uploads a generated Excel sheet of 500 rows (100 declarations
// of 5 items, the "Done when") in which two rows are bad, sees each bad row's error beside it, files the 98 valid declarations
// without fixing anything, watches the progress bar of the background filing, reads the MRN report and
// downloads it as CSV; then files a WCO DM XML declaration from the same page. The page has no axe
// violations at each step, and the preview is reached from the keyboard. Then the page in French and
// Arabic (right to left) by the language cookie, with a screenshot of the bulk filing per locale
// (test-results/interchange-<locale>-bulk.png).

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { LOCALES } from '../../lib/i18n/locales';
import { readSpreadsheet } from '../../lib/interchange/read-spreadsheet';
import { fixture, fixtureBytes } from '../interchange/helpers';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import type { ClearwayProcess } from './clearway-process';
import { openPortalSession } from './portal-session';

const session = openPortalSession();
const { actAs, shot } = session;
let clearway: ClearwayProcess;
let page: Page;

const TRADER = 'trader@rotterdam-importers.example';
const ROWS = 500;
const ITEMS = 5;
const DECLARATIONS = ROWS / ITEMS;
/** Data rows (sheet row = index + 2) whose net mass exceeds their gross mass. */
const BAD = [7, 300];


/** An Excel workbook in the CSV sample’s layout: `rows` rows, one declaration per `items` rows (the totals are `items` × the sample item's), LRNs `<prefix>-000`…, the `bad` data rows' net mass above their gross mass. */
async function generatedSheet({ rows = ROWS, items = ITEMS, bad = BAD, prefix = 'E2E' } = {}): Promise<Buffer> {
  const sample = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('March');
  ws.addRow(sample.header);
  const template = sample.rows[0]!.cells;
  for (let i = 0; i < rows; i++) {
    ws.addRow(template.map((c, j) => (j === 0 ? `${prefix}-${String(Math.floor(i / items)).padStart(3, '0')}` : j === 12 ? `${9000 * items}.00` : j === 16 ? String(100 * items) : j === 17 ? String(1500 * items) : j === 26 && bad.includes(i) ? '99999' : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(() => {
  ({ clearway, page } = session);
});

describe('standard interchange in the portal', () => {
  it('files the valid declarations of a spreadsheet with two bad rows and reports each MRN', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await actAs(TRADER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interchange' }).click();
    await page.waitForURL(/\/interchange$/);
    await expectNoAxeViolations(page, 'the interchange page');

    await page.getByLabel('Spreadsheet (.xlsx or .csv)').setInputFiles({ name: 'march.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await generatedSheet() });
    await page.getByRole('button', { name: 'Read the sheet' }).click();
    await expect.poll(() => page.getByTestId('sheet-summary').textContent()).toContain(`${ROWS} rows`);
    // The proposed mapping found the headers.
    expect(await page.getByLabel('Net mass', { exact: true }).inputValue()).toBe('Net mass');
    await expectNoAxeViolations(page, 'the interchange page');

    // From the keyboard: focus the button, press Enter; focus moves to the preview's heading.
    await page.getByRole('button', { name: 'Preview the declarations' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByTestId('preview-heading');
    await expect.poll(() => heading.textContent(), { timeout: 90_000 }).toBe(`Preview: ${DECLARATIONS} declarations, ${DECLARATIONS - 2} ready, 2 with problems`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preview-heading');
    for (const i of BAD) {
      const row = page.locator(`[data-testid="preview-rows"] tr[data-row="${i + 2}"]`);
      expect(await row.textContent()).toContain(`row ${i + 2}, column AA`);
    }
    expect(await page.locator('[data-testid="preview-rows"] tr[data-row="2"]').textContent()).toContain('Ready');
    await expectNoAxeViolations(page, 'the interchange page');
    await shot('interchange-preview');

    await page.getByRole('button', { name: `File the ${DECLARATIONS - 2} valid declarations` }).click();
    await expect.poll(() => page.getByTestId('filing').count()).toBe(1);
    expect(await page.getByRole('progressbar', { name: 'Filing progress' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('report-heading').textContent(), { timeout: 240_000 }).toBe(`Report: ${DECLARATIONS - 2} filed, 2 refused`);
    expect(await page.getByTestId('filing-progress').textContent()).toBe(`${DECLARATIONS} of ${DECLARATIONS} declarations answered.`);
    const report = page.getByTestId('filing-report');
    expect(await report.locator('tr[data-lrn="E2E-000"] td').nth(2).textContent()).toMatch(/^\w{18}$/);
    expect(await report.locator('tr[data-lrn="E2E-001"]').textContent()).toContain('Refused');
    expect(await report.locator('tr[data-lrn="E2E-060"]').textContent()).toContain('Refused');
    await expectNoAxeViolations(page, 'the interchange page');
    await shot('interchange-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (c) => (text += c));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      });
    });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toMatch(/^2,E2E-000,filed,/);
    expect(lines[8]).toMatch(/^9,E2E-001,refused,/);

    // The filed declarations are in the portal.
    await page.getByRole('link', { name: 'E2E-000' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    expect(await page.locator('main').textContent()).toContain('E2E-000');
  }, 420_000);

  it('files a WCO DM XML declaration from the page and shows its MRN and lane', async () => {
    await page.goto(`${clearway.url}/interchange`);
    await page.getByLabel('Document (.xml or .edi)').setInputFiles({ name: 'import-declaration.xml', mimeType: 'application/xml', buffer: Buffer.from(fixture('import-declaration.xml')) });
    await page.getByRole('button', { name: 'File the document' }).click();
    const outcomes = page.getByTestId('document-outcomes');
    // XSD validation compiles the schemas on a first document: slow on a loaded machine.
    await expect.poll(() => outcomes.count(), { timeout: 30_000 }).toBe(1);
    const row = outcomes.locator('tbody tr').first();
    expect(await row.textContent()).toContain('CW-XML-0001');
    expect(await row.textContent()).toContain('Filed');
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\w{18}$/);
    // The lane by its name in the page's language, its code beside it for machines.
    expect(await row.locator('td').nth(3).textContent()).toMatch(/^(Green|Yellow|Red)$/);
    expect(await row.locator('td [data-lane]').getAttribute('data-lane')).toMatch(/^(GREEN|YELLOW|RED)$/);
    await expectNoAxeViolations(page, 'the interchange page');
  });
  // Issue 19 (helper i18nd): the page in every locale by the language cookie (the trader has no profile
  // language, so the cookie decides); French and Arabic headings, labels and direction, and the bulk
  // filing's preview and report in each language (screenshots, checked by axe).
  it('shows the interchange page and its bulk filing in French, Spanish and Arabic (right to left)', async () => {
    const TITLE = { en: 'Standard interchange', fr: 'Échange normalisé', es: 'Intercambio normalizado', ar: 'التبادل الموحَّد' } as const;
    const SHEET_LABEL = { en: 'Spreadsheet (.xlsx or .csv)', fr: 'Tableur (.xlsx ou .csv)', es: 'Hoja de cálculo (.xlsx o .csv)', ar: 'جدول البيانات (\u200e.xlsx أو \u200e.csv)' } as const;
    const READ = { en: 'Read the sheet', fr: 'Lire le tableur', es: 'Leer la hoja', ar: 'قراءة الجدول' } as const;
    const PREVIEW = { en: 'Preview the declarations', fr: 'Prévisualiser les déclarations', es: 'Previsualizar las declaraciones', ar: 'معاينة البيانات الجمركية' } as const;
    const PREVIEWED = {
      en: 'Preview: 2 declarations, 1 ready, 1 with problems',
      fr: 'Aperçu : 2 déclarations, 1 prête, 1 avec des problèmes',
      es: 'Vista previa: 2 declaraciones, 1 lista, 1 con problemas',
      ar: 'المعاينة: بيانان جمركيان، الجاهز منها 1، وفيها مشكلات 1',
    } as const;
    const FILE = { en: 'File the 1 valid declaration', fr: 'Déposer la déclaration valide', es: 'Presentar la declaración válida', ar: 'تقديم البيان الجمركي الصحيح' } as const;
    const REPORT = { en: 'Report: 1 filed, 1 refused', fr: 'Rapport : 1 déposée, 1 refusée', es: 'Informe: 1 presentada, 1 rechazada', ar: 'التقرير: المقدَّم 1، والمرفوض 1' } as const;
    const html = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    const chooseLocale = (locale: string) => page.context().addCookies([{ name: 'clearway-locale', value: locale, url: clearway.url }]);
    try {
      for (const locale of LOCALES) {
        await chooseLocale(locale);
        await page.goto(`${clearway.url}/interchange`);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE[locale]);
        await expect(html()).resolves.toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
        if (locale === 'ar') expect(await page.locator('main h1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        // The identifiers stay as they are: XML paths and CUSDEC tags.
        expect(await page.getByTestId('wco-mapping').textContent()).toContain('/Declaration/FunctionalReferenceID');
        // Two declarations of two items; the second's second item (data row 3, sheet row 5) is wrong.
        await page.getByLabel(SHEET_LABEL[locale]).setInputFiles({ name: `${locale}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await generatedSheet({ rows: 4, items: 2, bad: [3], prefix: `I18N-${locale.toUpperCase()}` }) });
        await page.getByRole('button', { name: READ[locale] }).click();
        await page.getByRole('button', { name: PREVIEW[locale] }).click();
        await expect.poll(() => page.getByTestId('preview-heading').textContent(), { timeout: 60_000 }).toBe(PREVIEWED[locale]);
        await page.getByRole('button', { name: FILE[locale] }).click();
        await expect.poll(() => page.getByTestId('report-heading').textContent(), { timeout: 120_000 }).toBe(REPORT[locale]);
        await expectNoAxeViolations(page, `the interchange page in ${locale}`);
        // Nothing wider than the window: a table too wide scrolls inside its own box, not the page.
        const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
        expect(width.page, `the page is ${width.page} px wide in a ${width.window} px window`).toBeLessThanOrEqual(width.window);
        // The bulk filing's section alone, legible (the page below it is the long mapping reference).
        await page.locator('main section.panel').first().screenshot({ path: `test-results/interchange-${locale}-bulk.png` });
      }
    } finally {
      await chooseLocale('en');
    }
  }, 420_000);
});
