// The risk dashboard (/risk) in the browser, on the server as `npm start` runs it (RISK_DEMO_MODEL=off,
// so no model exists at first): the demo risk analyst sees the empty state, has a malformed history
// file refused line by line (without JavaScript), imports the generator's history, trains a model whose
// held-out metrics beat the rules, and activates it with a reason; an officer reads the page without any
// action on it; a trader is refused. axe finds no violation on the dashboard, empty and full.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatDateCsv } from '../../lib/risk/format-date-csv';
import { generateControlHistory } from '../../lib/risk/generate-control-history';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const ANALYST = 'analyst@customs.example';
const OFFICER = 'officer@customs.example';
const TRADER = 'trader@rotterdam-importers.example';
// Large enough for the model to beat the rules on its held-out 20 %, small enough to train in seconds.
const HISTORY_ROWS = 2000;

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let dir: string;
let url: (p: string) => string;

beforeAll(async () => {
  page = session.page;
  url = (p) => `${session.clearway.url}${p}`;
  dir = await mkdtemp(path.join(tmpdir(), 'risk-dashboard-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const modelRow = (p: Page, version: number) => p.getByTestId('models').locator(`tr[data-version="${version}"]`);

describe('the risk dashboard', () => {
  it('lets the risk analyst import a history, train a model that beats the rules and activate it with a reason', async () => {
    await actAs(ANALYST);
    await page.goto(url('/risk'));
    expect(await page.getByTestId('no-models').textContent()).toContain('No risk model has been trained yet');
    expect(await page.getByTestId('no-results').count()).toBe(1);
    await expectNoAxeViolations(page, 'the empty risk dashboard');
    await shot('risk-01-empty');

    const csv = [...formatDateCsv(generateControlHistory({ rows: HISTORY_ROWS, seed: 21, idPrefix: 'E2E' }))].join('');
    // A malformed copy: line 3 with a date that does not exist, line 5 with a 4-digit tariff code.
    const lines = csv.split('\n');
    lines[2] = lines[2]!.replace(/,\d{4}-\d{2}-\d{2},/, ',2025-02-30,');
    lines[4] = lines[4]!.split(',').map((v, i) => (i === 6 ? '8471' : v)).join(',');
    const bad = path.join(dir, 'bad-history.csv');
    const good = path.join(dir, 'control-history.csv');
    await writeFile(bad, lines.slice(0, 10).join('\n'));
    await writeFile(good, csv);

    // Without JavaScript: a plain form post, answered by the page rendered again with the report.
    const noJs = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await noJs.addCookies(await session.cookiesFor(ANALYST));
      const plain = await noJs.newPage();
      await plain.goto(url('/risk'));
      await plain.getByLabel('Control history file (CSV)').setInputFiles(bad);
      await Promise.all([plain.waitForLoadState('load'), plain.getByRole('button', { name: 'Import file' }).click()]);
      await plain.getByTestId('import-problems').waitFor();
      await shot('risk-02-import-refused-nojs', plain);
      const problems = await plain.getByTestId('import-problems').locator('tbody tr').allTextContents();
      expect(problems).toEqual(['3sgd.date"2025-02-30" is not a date as YYYY-MM-DD.', '5tariff.code"8471" is not an HS code of 6, 8 or 10 digits.']);
      expect(await plain.getByRole('alert').first().textContent()).toContain('The file was refused');
    } finally {
      await noJs.close();
    }

    await page.getByLabel('Control history file (CSV)').setInputFiles(good);
    await page.getByRole('button', { name: 'Import file' }).click();
    await expect.poll(() => page.locator('#import-outcome').textContent()).toContain(`Imported ${HISTORY_ROWS.toLocaleString('en')} rows from control-history.csv`);

    await page.getByRole('button', { name: 'Train a new model' }).click();
    await expect.poll(() => page.locator('#train-outcome').textContent()).toContain('Model v1 is training');
    await shot('risk-03-training');
    // The page renders itself again while the model trains: no reload here.
    await expect.poll(() => modelRow(page, 1).getAttribute('data-status'), { timeout: 90_000, interval: 500 }).toBe('SHADOW');

    const precision = modelRow(page, 1).getByTestId('precision-5');
    const revenue = modelRow(page, 1).getByTestId('revenue-5');
    expect(Number(await precision.getAttribute('data-model'))).toBeGreaterThanOrEqual(2 * Number(await precision.getAttribute('data-rules')));
    expect(Number(await revenue.getAttribute('data-model'))).toBeGreaterThan(Number(await revenue.getAttribute('data-rules')));
    expect(await page.getByTestId('worse-1').count()).toBe(0);
    // The held-out selection beside the rules and random, as charts with a text alternative and as a table.
    const rows = await page.getByTestId('selection-table').locator('tbody th').allTextContents();
    expect(rows).toEqual(['Model v1', 'Model v1 by expected revenue', 'Rules', 'Random']);
    expect(await page.getByTestId('precision-chart').getAttribute('aria-labelledby')).toBe('precision-chart-title precision-chart-desc');
    expect(await page.locator('#revenue-chart-desc').textContent()).toMatch(/^Model v1: 1% \d/);
    expect(Number(await page.getByTestId('true-positives').textContent())).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'the risk dashboard with a shadow model');
    await shot('risk-04-shadow');

    const form = page.getByTestId('activate-form-1');
    // The field is required; a reason of spaces gets past the browser and is refused by the server.
    await form.getByLabel('Reason for activating v1').fill('   ');
    await form.getByRole('button', { name: 'Activate v1' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('Say why this model should decide lanes');
    expect(await modelRow(page, 1).getAttribute('data-status')).toBe('SHADOW');
    await form.getByLabel('Reason for activating v1').fill('Beats the rules on the newest 20 % of the imported history.');
    await form.getByRole('button', { name: 'Activate v1' }).click();
    await expect.poll(() => modelRow(page, 1).getAttribute('data-status')).toBe('ACTIVE');
    expect(await modelRow(page, 1).getByTestId('activation-reason').textContent()).toBe('Beats the rules on the newest 20 % of the imported history.');
    await expectNoAxeViolations(page, 'the risk dashboard with an active model');
    await shot('risk-05-active');
  }, 180_000);

  it('shows an officer the models read-only and refuses a trader', async () => {
    await actAs(OFFICER);
    await page.goto(url('/risk'));
    expect(await modelRow(page, 1).getAttribute('data-status')).toBe('ACTIVE');
    expect(await page.getByTestId('read-only').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Train a new model|Import file|Activate|Roll back/ }).count()).toBe(0);
    expect(await page.getByTestId('selection').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Risk models' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'the risk dashboard, read-only');
    await shot('risk-06-officer');

    await actAs(TRADER);
    await page.goto(url('/risk'));
    expect(await page.getByTestId('forbidden').textContent()).toContain('is for risk analysts, customs officers and platform administrators');
    expect(await page.getByTestId('models').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Risk models' }).count()).toBe(0);
  });
});
