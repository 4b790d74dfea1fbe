// Issue 20's "done when", in the browser on the server as `npm start` runs it: a trader copies last
// week's declaration, changes two fields with the code-list pickers (typing, then choosing an option)
// and files it; two officers in two browser contexts share the queue — A claims it, B sees who holds it
// and is refused naming A when deciding it, A decides it; the public performance page then counts the
// release in its chart and tables. Also: the goods item's supplementary unit is filled in from the
// tariff line chosen, never over what the person typed.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { validImport } from '../declarations/fixtures';
import { releasedImport } from '../support/declarations';
import type { ClearwayProcess } from './clearway-process';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession, signIn } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
const OFFICER_A = 'officer@customs.example';
const OFFICER_A_NAME = 'Officer Amal Haddad';
const OFFICER_B = 'officer2@customs.example';
const STAMP = Date.now().toString(36).toUpperCase();
const LAST_WEEK_LRN = `LASTWK-${STAMP}`;
const COPY_LRN = `COPY-${STAMP}`;
// The pickers' choices: an office none of the demo declarations uses, and pallets instead of cartons.
const NEW_OFFICE = 'NL000854';
const NEW_PACKAGE_KIND = 'PX';

// Figures without the cache, so the page shows the release made a moment before.
const session = openPortalSession({ env: () => ({ STATISTICS_CACHE_SECONDS: '0' }) });
let clearway: ClearwayProcess;
let browser: Browser;
let page: Page;
let anonymous: BrowserContext;
let officerB: BrowserContext;
let copiedUrl: string;

/** Runs `work` with lib/ on the server's database (the test process prepares and reads data through it). */
async function onServerDatabase<T>(work: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  try {
    return await work();
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    resetEnvCache();
  }
}

beforeAll(async () => {
  ({ clearway, browser, page } = session);
  // Last week's declaration: filed and released as usual, then its history moved a week back.
  await onServerDatabase(async () => {
    const id = await releasedImport(TRADER, validImport({ lrn: LAST_WEEK_LRN }));
    const sql = getPool();
    await sql.query(`UPDATE declaration_status_change SET at = at - interval '7 days' WHERE declaration_id = $1`, [id]);
    await sql.query(
      `UPDATE declaration SET created_at = created_at - interval '7 days', updated_at = updated_at - interval '7 days', submitted_at = submitted_at - interval '7 days',
              released_at = released_at - interval '7 days', paid_at = paid_at - interval '7 days' WHERE id = $1`,
      [id],
    );
  });
  anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  officerB = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await anonymous?.close();
  await officerB?.close();
});

const heading = (on: Page = page) => on.locator('#step-heading').textContent();
const status = (on: Page = page) => on.getByTestId('current-status').getAttribute('data-status');

/** Types into a code-list combobox as a person would, then picks the option whose code is `code`. */
async function pick(on: Page, combobox: ReturnType<Page['getByRole']>, typed: string, code: string): Promise<void> {
  await combobox.fill('');
  await combobox.pressSequentially(typed, { delay: 20 });
  const listbox = on.locator(`#${(await combobox.getAttribute('aria-controls'))!.replace(/:/g, '\\:')}`);
  const option = listbox.getByRole('option', { name: new RegExp(`^${code} `) });
  await option.waitFor();
  await option.click();
  await expect.poll(() => combobox.inputValue()).toBe(code);
  expect(await combobox.getAttribute('aria-expanded')).toBe('false');
}

/** The national figures of the public performance page: releases in total and at one office. */
async function nationalFigures(on: Page): Promise<{ all: number; atOffice: number }> {
  await on.goto(`${clearway.url}/performance`);
  const national = on.getByRole('region', { name: 'All declarations' });
  const summary = (await national.getByTestId('national-summary').textContent())!;
  const all = summary.startsWith('No declarations') ? 0 : Number(summary.match(/^([\d,]+) declarations? released/)![1]!.replace(/,/g, ''));
  const row = national.getByRole('table', { name: 'Per customs office' }).getByRole('row', { name: new RegExp(`^${NEW_OFFICE} `) });
  const atOffice = (await row.count()) ? Number(await row.getByRole('cell').first().textContent()) : 0;
  return { all, atOffice };
}

let before: { all: number; atOffice: number };

describe('everyday work: filing from a copy, sharing the queue, seeing the release times', () => {
  it('shows anyone the national release figures before the story starts', async () => {
    before = await nationalFigures(await anonymous.newPage());
    expect(before.all).toBeGreaterThan(0);
    expect(before.atOffice).toBe(0);
  });

  it("lets a trader copy last week's declaration, change the office and the package kind with the pickers, and file it", async () => {
    await page.goto(`${clearway.url}/declarations`);
    await session.actAs(TRADER);
    await page.getByLabel('LRN, MRN, transport document or goods').fill(LAST_WEEK_LRN);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: LAST_WEEK_LRN }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    await expect.poll(() => status()).toBe('RELEASED');

    const copy = page.getByTestId('copy-declaration');
    await copy.getByLabel('LRN of the copy').fill(COPY_LRN);
    await copy.getByRole('button', { name: 'Copy to a new draft' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}\/edit\?copied=1$/);
    copiedUrl = page.url().replace(/\/edit\?copied=1$/, '');
    await expect.poll(() => heading()).toContain('Header & parties');
    expect(await page.getByLabel('LRN (your reference)', { exact: true }).inputValue()).toBe(COPY_LRN);

    // Picker 1: the office of declaration, found by a word of its name.
    const office = page.getByRole('combobox', { name: 'Customs office of declaration' });
    expect(await office.inputValue()).toBe('NL000396');
    await pick(page, office, 'schiphol', NEW_OFFICE);
    await expect.poll(() => page.locator('#f-officeOfDeclaration-hint').textContent()).toContain('Amsterdam Schiphol Cargo');
    await session.shot('everyday-01-office-picked');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading()).toContain('Transport & containers');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Picker 2: the laptops' package kind, found by its name.
    await expect.poll(() => heading()).toContain('Goods items');
    const laptops = page.getByRole('group', { name: 'Goods item 1' });
    const kind = laptops.getByRole('combobox', { name: 'Kind of packages' });
    expect(await kind.inputValue()).toBe('CT');
    await pick(page, kind, 'pallet', NEW_PACKAGE_KIND);
    // The copied unit is the trader's own: nothing says it was filled in.
    expect(await laptops.getByRole('combobox', { name: /^Supplementary unit/ }).inputValue()).toBe('NAR');
    expect(await laptops.locator('#f-items-0-supplementaryUnit-hint').textContent()).not.toContain('Filled in');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => heading()).toContain('Review & submit');
    await expectNoAxeViolations(page, '/declarations/[id]/edit review of a copy');
    await page.getByRole('button', { name: 'Submit declaration' }).click();
    await page.waitForURL(copiedUrl, { timeout: 45_000 });
    expect(await page.getByTestId('lrn').textContent()).toBe(COPY_LRN);
    expect(await page.getByTestId('mrn').textContent()).toMatch(/^\d{2}NL[A-Z0-9]{13}\d$/);
    expect(await page.getByTestId('items-table').textContent()).toContain(`100 ${NEW_PACKAGE_KIND}`);
    await session.shot('everyday-02-copy-filed');

    // What was filed: the two new values, the rest as last week.
    const filed = await onServerDatabase(async () => {
      const { rows } = await getPool().query<{ office: string; entry: string; kinds: string[]; status: string }>(
        `SELECT d.office_of_declaration AS office, d.office_of_entry AS entry, d.status::text AS status,
                array_agg(g.package_kind ORDER BY g.sequence) AS kinds
           FROM declaration d JOIN goods_item g ON g.declaration_id = d.id WHERE d.lrn = $1 GROUP BY d.id`,
        [COPY_LRN],
      );
      return rows;
    });
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ office: NEW_OFFICE, entry: 'NL000396', kinds: [NEW_PACKAGE_KIND, 'BG'] });
    expect(filed[0]!.status).not.toBe('DRAFT');
  }, 300_000);

  it('lets two officers share the queue: A claims, B sees who has it and may not decide it, A decides it', async () => {
    const queue = (on: Page) => on.goto(`${clearway.url}/officer/queue?office=${NEW_OFFICE}&orderBy=NEWEST_FIRST`);
    const row = (on: Page) => on.getByTestId(`queue-row-${COPY_LRN}`);
    const holder = (on: Page) => row(on).getByRole('cell').last();

    await session.actAs(OFFICER_A);
    const pageB = await officerB.newPage();
    pageB.setDefaultTimeout(15_000);
    await signIn(pageB, clearway.url, OFFICER_B, undefined, '/officer/queue');
    await queue(page);
    await queue(pageB);
    await expect.poll(() => holder(page).textContent()).toContain('Nobody');
    await expect.poll(() => holder(pageB).textContent()).toContain('Nobody');

    await row(page).getByRole('button', { name: /^Claim / }).click();
    await expect.poll(() => holder(page).textContent()).toMatch(/^You/);
    expect(await row(page).getByRole('button', { name: /^Give back / }).count()).toBe(1);

    // B, in another browser, sees who has it and has no button to take it.
    await queue(pageB);
    await expect.poll(() => holder(pageB).textContent()).toContain(OFFICER_A_NAME);
    expect(await row(pageB).getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(pageB, '/officer/queue with a declaration another officer holds');
    await session.shot('everyday-03-queue-held-by-a', pageB);

    // B's decision is refused with A's name; the declaration stays where it was.
    await row(pageB).getByRole('link').first().click();
    await pageB.waitForURL(copiedUrl);
    const statusBefore = await status(pageB);
    await pageB.getByLabel('Reason for rejection').fill('The packing list does not match the invoice.');
    await pageB.getByRole('button', { name: 'Reject declaration' }).click();
    await expect.poll(() => pageB.locator('#reject-outcome').textContent()).toContain(`${OFFICER_A_NAME} (${OFFICER_A}) is working on this declaration`);
    await pageB.reload();
    expect(await status(pageB)).toBe(statusBefore);
    await session.shot('everyday-04-decision-refused', pageB);

    // A, who holds it, assesses it, records the payment and releases the goods.
    await page.goto(copiedUrl);
    await page.getByRole('button', { name: 'Assess duties' }).click();
    await expect.poll(() => status()).toBe('DUTY_ASSESSED');
    if (await page.getByRole('button', { name: 'Record payment' }).count()) {
      await page.getByLabel('Payment reference').fill(`PAY-${STAMP}`);
      await page.getByRole('button', { name: 'Record payment' }).click();
      await expect.poll(() => status()).toBe('PAID');
    }
    // A declaration that was under control needs its control result before release (issue 14).
    const control = page.getByTestId('record-control-result-form');
    if (await control.count()) {
      await control.getByLabel('No discrepancy', { exact: true }).check();
      await control.getByRole('button', { name: 'Save control result' }).click();
      await page.waitForURL(/done=control-result/);
    }
    await page.getByRole('button', { name: 'Release goods' }).click();
    await expect.poll(() => status()).toBe('RELEASED');

    // Decided, it has left the queue for both.
    await queue(pageB);
    await expect.poll(() => row(pageB).count()).toBe(0);
    await pageB.close();
  }, 300_000);

  it('shows the release in the public release-time chart and tables', async () => {
    const on = await anonymous.newPage();
    const after = await nationalFigures(on);
    expect(after).toEqual({ all: before.all + 1, atOffice: 1 });

    const national = on.getByRole('region', { name: 'All declarations' });
    const chart = national.getByTestId('national-release-time-chart');
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    // One bar per lane of the released declarations, each named in the chart's text alternative.
    const lanes = national.getByRole('table', { name: 'Per lane' }).getByRole('row');
    const laneNames = (await lanes.locator('th[scope="row"]').allTextContents()).filter((n) => n !== 'All');
    expect(laneNames.length).toBeGreaterThan(0);
    expect(await chart.locator('rect').count()).toBe(laneNames.length);
    const label = (await chart.getAttribute('aria-label'))!;
    for (const lane of laneNames) expect(label).toContain(`${lane}: `);
    // Every release here took minutes: the chart speaks in minutes, and its axis has distinct steps
    // (it read "0.0 hours" at every tick and drew no visible bars before).
    const p90s = await lanes.locator('td:nth-child(4)').allTextContents();
    expect(p90s.every((t) => / min$/.test(t))).toBe(true);
    expect(label).toMatch(/: [\d.]+ minutes/);
    expect(label).not.toContain('hours');
    const ticks = await chart.locator('g > text[text-anchor="end"]').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
    // No chart's axis writes a figure in more than a few characters (all-zero weeks once read 0.000002).
    for (const text of await national.locator('svg.chart g > text[text-anchor="end"]').allTextContents()) expect(text.length, text).toBeLessThanOrEqual(5);
    // The office row is ours alone: one release, within minutes of its lodgement.
    const officeRow = national.getByRole('table', { name: 'Per customs office' }).getByRole('row', { name: new RegExp(`^${NEW_OFFICE} `) });
    const [count, median] = await officeRow.getByRole('cell').allTextContents();
    expect(count).toBe('1');
    expect(median).toMatch(/^\d+ min$/);
    await expectNoAxeViolations(on, '/performance after the releases');
    await session.shot('everyday-05-performance', on);
  });

  it('fills the supplementary unit from the tariff line chosen, never over what the person typed', async () => {
    await session.actAs(TRADER);
    await page.goto(`${clearway.url}/declarations/new`);
    await expect.poll(() => heading()).toContain('Header & parties');
    await page.getByRole('navigation', { name: 'Form steps' }).getByRole('button', { name: /Goods items/ }).click();
    await expect.poll(() => heading()).toContain('Goods items');
    await page.getByRole('button', { name: 'Add a goods item' }).click();
    await page.getByRole('button', { name: 'Add a goods item' }).click();

    // Item 1: the laptops' line counts in pieces (NAR): the empty unit is filled in, and the hint says why.
    const first = page.getByRole('group', { name: 'Goods item 1' });
    const code1 = first.getByRole('combobox', { name: 'Commodity code' });
    const unit1 = first.getByRole('combobox', { name: /^Supplementary unit/ });
    await code1.pressSequentially('84713000', { delay: 20 });
    await expect.poll(() => first.locator('#f-items-0-commodityCode-hint').textContent()).toMatch(/^8471\.30 00 — /);
    await expect.poll(() => unit1.inputValue()).toBe('NAR');
    await expect.poll(() => first.locator('#f-items-0-supplementaryUnit-hint').textContent()).toContain('Filled in from tariff line 8471.30 00');
    expect(await unit1.getAttribute('aria-describedby')).toContain('f-items-0-supplementaryUnit-hint');
    await code1.press('Escape');
    await first.screenshot({ path: 'test-results/everyday-06-unit-filled-in.png' });

    // Item 2: the person typed a unit first; choosing the laptops' line from the list leaves it alone.
    const second = page.getByRole('group', { name: 'Goods item 2' });
    const unit2 = second.getByRole('combobox', { name: /^Supplementary unit/ });
    await unit2.pressSequentially('KGM');
    await unit2.press('Escape');
    const code2 = second.getByRole('combobox', { name: 'Commodity code' });
    await code2.pressSequentially('8471300', { delay: 20 });
    const option = page.getByRole('option', { name: /^8471\.30 00 / });
    await option.waitFor();
    await option.click();
    await expect.poll(() => code2.inputValue()).toBe('8471.30 00');
    await expect.poll(() => second.locator('#f-items-1-commodityCode-hint').textContent()).toMatch(/^8471\.30 00 — /);
    expect(await unit2.inputValue()).toBe('KGM');
    expect(await second.locator('#f-items-1-supplementaryUnit-hint').textContent()).not.toContain('Filled in');

    // Item 1 becomes coffee (a line without a unit): the unit the form filled in goes with the line.
    await code1.fill('');
    await code1.pressSequentially('09012100', { delay: 20 });
    await expect.poll(() => first.locator('#f-items-0-commodityCode-hint').textContent()).toMatch(/^0901\.21 00 — /);
    await expect.poll(() => unit1.inputValue()).toBe('');
    expect(await first.locator('#f-items-0-supplementaryUnit-hint').textContent()).not.toContain('Filled in');
  }, 120_000);
});
