// Standard interchange in the browser, on the server as `npm start` runs it (its job worker included):
// a trader opens Interchange from the nav, uploads a generated Excel sheet of 500 rows (100 declarations
// of 5 items, the "Done when") in which two rows are bad, sees each bad row's error beside it, files the 98 valid declarations
// without fixing anything, watches the progress bar of the background filing, reads the MRN report and
// downloads it as CSV; then files a WCO DM XML declaration from the same page. The page has no axe
// violations at each step, and the preview is reached from the keyboard.

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

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


/** An Excel workbook in the CSV sample’s layout: ROWS rows, one declaration per ITEMS rows (the totals are 5 × the sample item's). */
async function generatedSheet(): Promise<Buffer> {
  const sample = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('March');
  ws.addRow(sample.header);
  const template = sample.rows[0]!.cells;
  for (let i = 0; i < ROWS; i++) {
    ws.addRow(template.map((c, j) => (j === 0 ? `E2E-${String(Math.floor(i / ITEMS)).padStart(3, '0')}` : j === 12 ? '45000.00' : j === 16 ? '500' : j === 17 ? '7500' : j === 26 && BAD.includes(i) ? '99999' : c)));
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
    expect(await row.locator('td').nth(3).textContent()).toMatch(/^(GREEN|YELLOW|RED)$/);
    await expectNoAxeViolations(page, 'the interchange page');
  });
});
