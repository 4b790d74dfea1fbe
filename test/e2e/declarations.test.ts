// Declarations in the browser, end to end, on the server as `npm start` runs it (with its fifty demo
// declarations, all filed by the Rotterdam trader): dashboards, filters and pages; a trader files an
// import through the multi-step form (inline validation, HS picker), submits it and gets an MRN; an
// officer finds it in the risk-ranked queue and rejects it with a reason that the history shows.
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { signUpCompany } from '../../lib/auth/sign-up-company';
import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import type { ClearwayProcess } from './clearway-process';
import { DEMO_PASSWORD, openPortalSession } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
// A company that has just signed up (the demo companies all have declarations, some from the tracking demo).
const NEW_TRADER = 'first.user@fresh-imports.example';
const OFFICER = 'officer@customs.example';
const LRN = `E2E-${Date.now().toString(36).toUpperCase()}`;
const REASON = 'The invoice does not match the packing list: 10 cartons missing.';

const session = openPortalSession();
const { actAs, shot } = session;
let clearway: ClearwayProcess;
let browser: Browser;
let page: Page;
let declarationPath: string;
let mrnOfOurs: string;

beforeAll(async () => {
  ({ clearway, browser, page } = session);
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  try {
    await signUpCompany({
      input: { kind: 'TRADER', eori: 'NL555000222', companyName: 'Fresh Imports B.V.', street: 'Kade 1', city: 'Rotterdam', country: 'NL', name: 'First User', email: NEW_TRADER, password: DEMO_PASSWORD },
    });
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    resetEnvCache();
  }
});

function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}

describe('declarations in the portal', () => {
  it('shows a trader without declarations an empty dashboard with a way to start', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await actAs(NEW_TRADER);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My declarations');
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toContain('Your company has no declarations yet.');
    expect(await page.getByTestId('empty-state').getByRole('link', { name: 'Start a declaration' }).getAttribute('href')).toBe('/declarations/new');
    await shot('declarations-empty');
  });

  it("lists the Rotterdam trader's declarations with status filters and pages", async () => {
    await actAs(TRADER);
    await expect.poll(() => page.getByTestId('declarations-table').getByRole('row').count()).toBe(21);
    const filters = page.getByRole('navigation', { name: 'Filter by status' });
    expect(Number(await filters.getByRole('link', { name: /^All/ }).locator('.chip-count').textContent())).toBeGreaterThanOrEqual(50);
    await shot('declarations-dashboard-demo');

    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/after=/);
    await expect.poll(() => page.getByRole('link', { name: 'First page' }).count()).toBe(1);
    expect(await page.getByTestId('declarations-table').getByRole('row').count()).toBeGreaterThan(1);

    await filters.getByRole('link', { name: /^Rejected/ }).click();
    await page.waitForURL(/status=REJECTED/);
    await expect.poll(() => filters.getByRole('link', { name: /^Rejected/ }).getAttribute('aria-current')).toBe('page');
    const statuses = await page.getByTestId('declarations-table').locator('[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['REJECTED']));

    await page.getByLabel('LRN, MRN, transport document or goods').fill('DEMO-0001');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=DEMO-0001/);
    await expect.poll(() => page.getByText('No declaration matches these filters.').count()).toBe(1);
  });

  it('tells a trader that the officer queue is for officers', async () => {
    await page.goto(`${clearway.url}/officer`);
    await expect(page.getByTestId('officer-only').textContent()).resolves.toContain('Only customs officers see the queue.');
  });

  it('files an import through the multi-step form, with inline validation and the HS picker', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await page.getByRole('link', { name: 'Start a declaration' }).first().click();
    await page.waitForURL('**/declarations/new');
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Header & parties');

    // Step 1: header and parties (the importer is the trader's own company, filled in).
    expect(await field(page, 'Importer EORI').inputValue()).toBe('NL123456789');
    await field(page, 'LRN (your reference)').fill('bad lrn!');
    await field(page, 'LRN (your reference)').blur();
    await expect.poll(() => page.locator('#f-lrn-error').textContent()).toContain('An LRN is 1 to 22 letters');
    expect(await field(page, 'LRN (your reference)').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'LRN (your reference)').fill(LRN);
    await expect.poll(() => page.locator('#f-lrn-error').count()).toBe(0);
    await field(page, 'Procedure code').fill('4000');
    await field(page, 'Additional procedure (optional)').fill('000');
    await field(page, 'Customs office of declaration').fill('NL000396');
    await field(page, 'Exporter EORI (optional)').fill('CN440300123456789');
    await shot('declaration-form-step1');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 2: transport and a container whose check digit is wrong, then corrected.
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Transport & containers');
    await field(page, 'Mode of transport').selectOption('1');
    await field(page, 'Transport document number').fill('MEDUSZ123456');
    await field(page, 'Customs office of entry').fill('NL000396');
    await field(page, 'Incoterms 2020 rule').selectOption('FOB');
    await field(page, 'Incoterms place').fill('CNSZX');
    await page.getByRole('button', { name: 'Add a container' }).click();
    const container = page.getByRole('group', { name: 'Container 1' });
    const containerNumber = field(container, 'Container number');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-containers-0-containerNumber');
    await containerNumber.fill('CSQU3054384');
    await field(container, 'Seal numbers (optional)').fill('CN1234567');
    await expect.poll(() => container.locator('#f-containers-0-containerNumber-error').textContent()).toContain('Check digit should be 3, not 4');
    expect(await containerNumber.getAttribute('aria-invalid')).toBe('true');
    expect(await containerNumber.getAttribute('aria-describedby')).toContain('f-containers-0-containerNumber-error');
    // Continue is refused: the error summary links to the field.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toContain('Check digit should be 3, not 4');
    await shot('declaration-form-step2-error');
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-containers-0-containerNumber');
    await containerNumber.fill('CSQU3054383');
    await expect.poll(() => page.locator('#f-containers-0-containerNumber-error').count()).toBe(0);
    expect(await containerNumber.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => summary.count()).toBe(0);
    await shot('declaration-form-step2');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 3: goods items, the first one picked with the HS search.
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Goods items');
    await page.getByRole('button', { name: 'Add a goods item' }).click();
    const coffee = page.getByRole('group', { name: 'Goods item 1' });
    const code = coffee.getByRole('combobox', { name: 'Commodity code' });
    await code.fill('roasted coffee');
    // 0901.21 is divided in the national tariff: the picker offers its lines.
    const option = coffee.getByRole('option', { name: /0901\.21 00 .*roasted, not decaffeinated/ });
    await option.waitFor();
    expect(await code.getAttribute('aria-expanded')).toBe('true');
    await shot('declaration-form-hs-picker');
    await option.click();
    expect(await code.inputValue()).toBe('0901.21 00');
    await expect.poll(() => coffee.locator('#f-items-0-commodityCode-hint').textContent()).toBe('0901.21 00 — Coffee, roasted, not decaffeinated');
    await field(coffee, 'Goods description').fill('Roasted coffee beans');
    await field(coffee, 'Country of origin').fill('CN');
    await field(coffee, 'Kind of packages').fill('BG');
    await field(coffee, 'Number of packages').fill('30');
    await field(coffee, 'Gross mass (kg)').fill('1000');
    await field(coffee, 'Net mass (kg)').fill('950');
    await field(coffee, 'Item price').fill('3000.00');

    await page.getByRole('button', { name: 'Add a goods item' }).click();
    const laptops = page.getByRole('group', { name: 'Goods item 2' });
    const laptopCode = laptops.getByRole('combobox', { name: 'Commodity code' });
    await laptopCode.fill('84713000');
    // A code typed in full is recognised: its description shows without picking.
    await expect.poll(() => laptops.locator('#f-items-1-commodityCode-hint').textContent()).toMatch(/^8471\.30 00 — Portable automatic data-processing machines/);
    await laptopCode.press('Escape');
    expect(await laptopCode.getAttribute('aria-expanded')).toBe('false');
    await field(laptops, 'Goods description').fill('Laptop computers, 14 inch');
    await field(laptops, 'Country of origin').fill('CN');
    await field(laptops, 'Kind of packages').fill('CT');
    await field(laptops, 'Number of packages').fill('100');
    await field(laptops, 'Gross mass (kg)').fill('1500');
    await field(laptops, 'Net mass (kg)').fill('1300');
    await field(laptops, 'Item price').fill('9000.00');
    await field(laptops, 'Supplementary quantity (optional)').fill('100');
    await field(laptops, 'Supplementary unit (optional)').fill('NAR');

    await field(page, 'Invoice currency').fill('USD');
    await field(page, 'Invoice amount').fill('12000.00');
    await field(page, 'Exchange rate').fill('0.920000');
    await field(page, 'Freight to the border (optional)').fill('800.00');
    await field(page, 'Insurance (optional)').fill('40.00');
    await field(page, 'Total packages').fill('130');
    await field(page, 'Total gross mass (kg)').fill('2600.000');
    await shot('declaration-form-step3');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 4: review, save the draft, submit (a double click submits once).
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');
    await expect.poll(() => page.locator('.checks').textContent()).toContain('Invoice amount: consistent');
    await shot('declaration-form-step4');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Draft saved at/);
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}\/edit$/);
    const editUrl = page.url();

    // The saved draft opens again in the form (the edit page), with what was typed.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Edit draft ${LRN}`);
    expect(await field(page, 'LRN (your reference)').inputValue()).toBe(LRN);
    await page.getByRole('button', { name: /Goods items/ }).click();
    expect(await page.getByRole('group', { name: 'Goods item 1' }).getByRole('combobox', { name: 'Commodity code' }).inputValue()).toBe('0901.21 00');
    await expect(page.locator('#f-items-1-commodityCode-hint').textContent()).resolves.toMatch(/^8471\.30 00 — Portable automatic data-processing machines/);
    await page.getByRole('button', { name: /Review & submit/ }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');

    await page.getByRole('button', { name: 'Submit declaration' }).dblclick();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    declarationPath = new URL(page.url()).pathname;
    expect(editUrl).toBe(`${clearway.url}${declarationPath}/edit`);
    // Accepted with an MRN, then risk-assessed and routed by the system in the same submission.
    const mrn = (await page.getByTestId('mrn').textContent())!;
    mrnOfOurs = mrn;
    expect(mrn).toMatch(/^\d{2}NL[A-Z0-9]{13}\d$/);
    await expect(page.getByTestId('lrn').textContent()).resolves.toBe(LRN);
    const timeline = page.getByTestId('timeline');
    expect(await timeline.locator('[data-status="SUBMITTED"]').count()).toBe(1);
    const accepted = timeline.locator('li', { has: page.locator('[data-status="ACCEPTED"]') });
    await expect(accepted.textContent()).resolves.toContain(`Accepted with MRN ${mrn}`);
    expect(['ACCEPTED', 'DUTY_ASSESSED', 'UNDER_CONTROL']).toContain(await page.getByTestId('current-status').getAttribute('data-status'));
    expect(await page.getByTestId('items-table').getByRole('row').count()).toBe(3);
    await expect(page.getByRole('cell', { name: 'CSQU3054383' }).count()).resolves.toBe(1);
    await shot('declaration-detail-submitted');

    // The dashboard lists it.
    await page.getByRole('link', { name: 'Declarations', exact: true }).first().click();
    await page.waitForURL('**/declarations');
    const row = page.getByTestId('declarations-table').getByRole('row', { name: new RegExp(LRN) });
    await expect.poll(() => row.getByRole('link', { name: LRN }).count()).toBe(1);
    expect(await row.textContent()).toContain(mrn);
    expect(await page.getByTestId('declarations-table').getByRole('row').nth(1).textContent()).toContain(LRN);
    await shot('declarations-dashboard');
  });

  it('submits a complete draft from its detail page', async () => {
    await page.goto(`${clearway.url}/declarations?status=DRAFT&q=DEMO-0001`);
    await page.getByRole('link', { name: 'DEMO-0001' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('current-status').getAttribute('data-status')).toBe('DRAFT');
    expect(await page.getByRole('link', { name: 'Edit draft' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Submit declaration' }).dblclick();
    await expect.poll(() => page.getByTestId('current-status').getAttribute('data-status')).not.toBe('DRAFT');
    await expect(page.getByTestId('mrn').textContent()).resolves.toMatch(/^\d{2}NL[A-Z0-9]{13}\d$/);
    expect(await page.getByTestId('timeline').locator('[data-status="SUBMITTED"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Submit declaration' }).count()).toBe(0);
  });

  it('lets an officer release a paid declaration', async () => {
    await page.goto(`${clearway.url}/officer`);
    await actAs(OFFICER);
    await page.goto(`${clearway.url}/declarations?status=PAID`);
    await page.getByTestId('declarations-table').getByRole('row').nth(1).getByRole('link').click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Release goods' }).click();
    await expect.poll(() => page.getByTestId('current-status').getAttribute('data-status')).toBe('RELEASED');
    const released = page.getByTestId('timeline').locator('li', { has: page.locator('[data-status="RELEASED"]') });
    await expect(released.textContent()).resolves.toContain(OFFICER);
  });

  it('lets an officer find it in the queue and reject it with a reason', async () => {
    await page.goto(`${clearway.url}/officer`);
    await actAs(OFFICER);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Officer queue');
    await shot('officer-queue');
    // Highest risk first; risk scores never increase down the list.
    const scores = await page.getByTestId('queue-table').locator('tbody tr td.num').evaluateAll((tds) => tds.map((td) => td.textContent));
    const numeric = scores.filter((t) => t && /^\d+$/.test(t)).map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
    // Ours is somewhere in the queue: page through until its MRN shows.
    const link = page.getByTestId('queue-table').getByRole('link', { name: mrnOfOurs });
    for (let pageNo = 0; pageNo < 5 && (await link.count()) === 0; pageNo++) {
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForURL(/after=/);
      await page.getByTestId('queue-table').waitFor();
    }
    await link.click();
    await page.waitForURL(`**${declarationPath}`);

    // A rejection needs a reason.
    await page.getByRole('button', { name: 'Reject declaration' }).click();
    await expect.poll(() => page.evaluate(() => (document.getElementById('reject-reason') as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await page.getByLabel('Reason for rejection').fill(REASON);
    await shot('declaration-detail-officer');
    await page.getByRole('button', { name: 'Reject declaration' }).click();
    await expect.poll(() => page.getByTestId('current-status').getAttribute('data-status')).toBe('REJECTED');
    const rejected = page.getByTestId('timeline').locator('li', { has: page.locator('[data-status="REJECTED"]') });
    await expect(rejected.textContent()).resolves.toContain(REASON);
    await expect(rejected.textContent()).resolves.toContain(OFFICER);
    await shot('declaration-detail-rejected');

    // Officers see every declaration on the dashboard.
    await page.goto(`${clearway.url}/declarations?q=${LRN}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('All declarations');
    await expect.poll(() => page.getByTestId('declarations-table').locator('[data-status]').first().getAttribute('data-status')).toBe('REJECTED');
  });

  it('fits a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    // Nothing wider than the screen but the tables, which scroll in their own box.
    const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      for (const [path, name] of [
        ['/declarations', 'phone-declarations'],
        ['/declarations/new', 'phone-declaration-form'],
        [declarationPath, 'phone-declaration-detail'],
      ] as const) {
        await phone.goto(`${clearway.url}${path}`);
        await phone.screenshot({ path: `test-results/${name}.png`, fullPage: true });
        expect(await overflow(), path).toBeLessThanOrEqual(0);
      }
    } finally {
      await phone.close();
    }
  });

  it('answers an unknown declaration with the 404 page', async () => {
    const response = await page.goto(`${clearway.url}/declarations/00000000-0000-0000-0000-000000000000`);
    expect(response?.status()).toBe(404);
  });
});
