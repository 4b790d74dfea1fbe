// Control results and the risk explanation in the browser (issue 14), on the server as `npm start` runs
// it. A trader's declaration of KP origin goes to the red lane (watch-list rule), is assessed and paid; a
// shadow model (the demo's, trained in this file) has scored it. The officer sees the explanation,
// cannot release before recording a result (told so in words, with the way to the form), is refused an
// HS code outside the tariff on its field with nothing saved, records a valuation discrepancy with a
// corrected customs value, sees the additional duty recomputed from the tariff, releases, and corrects
// the result as version 2. The trader sees the outcome and the extra duty, not the officer's note nor the model.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { recordPayment } from '../../lib/declarations/record-payment';
import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { seedDemoRiskModel } from '../../lib/risk/seed-demo-risk-model';
import { validImport } from '../declarations/fixtures';
import { OFFICER_EMAIL, submittedImport } from '../support/declarations';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
const NOTE = 'Invoice looked altered; the supplier price list says 20,000.';

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let declarationUrl: string;
let declarationId: string;
let declaredValue: number;
let secondUrl: string;

beforeAll(async () => {
  page = session.page;
  process.env.DATABASE_URL = session.databaseUrl;
  // A shadow model scores without deciding lanes: the lane stays the rules' (red for KP).
  process.env.RISK_DEMO_MODEL = 'shadow';
  resetEnvCache();
  expect(await seedDemoRiskModel()).toEqual({ version: 1, status: 'SHADOW' });
  const input = validImport();
  input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
  declarationId = await submittedImport(TRADER, input);
  const officer = await loadUserActor({ email: OFFICER_EMAIL });
  expect((await getDeclaration({ actor: officer, id: declarationId }))!.status).toBe('UNDER_CONTROL');
  await assessDuties({ actor: officer, id: declarationId });
  const d = (await getDeclaration({ actor: officer, id: declarationId }))!;
  await recordPayment({ actor: officer, id: declarationId, amount: d.dutyTotal!.toFixed(2), reference: 'NL-PAY-RISK-1' });
  const { rows } = await getPool().query(`SELECT customs_value::text AS v FROM goods_item WHERE declaration_id = $1 AND sequence = 1`, [declarationId]);
  declaredValue = Number(rows[0].v);
  declarationUrl = `${session.clearway.url}/declarations/${declarationId}`;
  const second = validImport();
  second.items = second.items!.map((i) => ({ ...i, originCountry: 'KP' }));
  secondUrl = `${session.clearway.url}/declarations/${await submittedImport(TRADER, second)}`;
}, 240_000);

afterAll(async () => {
  await disconnectDb();
});

const status = () => page.getByTestId('current-status').getAttribute('data-status');
const results = async () => (await getPool().query(`SELECT version FROM control_result WHERE declaration_id = $1`, [declarationId])).rows;

describe('control results in the portal', () => {
  it('shows the officer the explained score, and says a release needs the control result first', async () => {
    await page.goto(`${session.clearway.url}/declarations`);
    await actAs(OFFICER_EMAIL);
    await page.goto(declarationUrl);
    expect(await status()).toBe('PAID');
    const explanation = page.getByTestId('risk-explanation');
    expect(await explanation.getByTestId('risk-model-version').textContent()).toContain('Version 1 (shadow mode');
    expect(await explanation.getByTestId('risk-model-probability').textContent()).toMatch(/\d+(\.\d)?%/);
    expect(await page.getByTestId('findings').textContent()).toContain('watch list');
    expect(await page.getByTestId('release-needs-control-result').textContent()).toContain('The control result is not recorded yet');

    await page.getByRole('button', { name: 'Release goods' }).click();
    const missing = page.getByTestId('release-control-result-missing');
    await expect.poll(() => missing.textContent(), { timeout: 30_000 }).toContain('The control result is missing');
    expect(await missing.textContent()).toContain('can only be released once the control result is recorded');
    expect(await missing.getByRole('link', { name: 'Record the control result' }).getAttribute('href')).toBe('#control-result');
    expect(await status()).toBe('PAID');
    await shot('risk-01-officer-release-needs-result');
    await expectNoAxeViolations(page, 'a controlled declaration without its result (officer)');
  });

  it('refuses an HS code outside the tariff on its field and saves nothing', async () => {
    const form = page.getByTestId('record-control-result-form');
    await form.getByLabel('Discrepancy', { exact: true }).check();
    const item = form.getByRole('group', { name: /^Item 1:/ });
    await item.getByLabel('Finding', { exact: true }).selectOption('CLASSIFICATION');
    await item.getByLabel('Corrected HS code', { exact: true }).fill('99999999');
    await form.getByLabel('Internal note', { exact: true }).fill(NOTE);
    await form.getByRole('button', { name: 'Save control result' }).click();
    const error = page.locator('#record-item-1-correctedCommodityCode-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('99999999');
    const code = item.getByLabel('Corrected HS code', { exact: true });
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toContain('record-item-1-correctedCommodityCode-error');
    // What was typed is kept; nothing is stored.
    expect(await code.inputValue()).toBe('99999999');
    expect(await form.getByLabel('Internal note', { exact: true }).inputValue()).toBe(NOTE);
    expect(await results()).toEqual([]);
    await shot('risk-02-officer-bad-hs-code');
    await expectNoAxeViolations(page, 'the control result form with a field error');
  });

  it('records a valuation discrepancy, shows the additional duty from the tariff, and releases', async () => {
    const form = page.getByTestId('record-control-result-form');
    const item = form.getByRole('group', { name: /^Item 1:/ });
    await item.getByLabel('Finding', { exact: true }).selectOption('VALUATION');
    await item.getByLabel('Corrected HS code', { exact: true }).fill('');
    await item.getByLabel('Corrected customs value', { exact: true }).fill('20000.00');
    await form.getByRole('button', { name: 'Save control result' }).click();
    await page.waitForURL(/done=control-result-1/, { timeout: 30_000 });

    const section = page.getByTestId('control-result');
    expect(await section.getByTestId('control-result-saved').textContent()).toContain('version 1 recorded');
    expect(await section.getByTestId('control-outcome').getAttribute('data-outcome')).toBe('DISCREPANCY');
    // Laptops (8471 30 00): no duty, 21 % VAT on the customs value — recomputed, never typed.
    const expected = ((20000 - declaredValue) * 0.21).toFixed(2);
    expect(Number(expected)).toBeGreaterThan(0);
    expect(await section.getByTestId('control-additional-duties').getAttribute('data-amount')).toBe(expected);
    expect(await section.getByTestId('control-finding-1').textContent()).toContain('→ 20000.00');
    expect(await section.getByTestId('control-version').textContent()).toBe('1');
    expect(await section.textContent()).toContain(`by ${OFFICER_EMAIL}`);
    expect(await section.getByTestId('control-note').textContent()).toContain(NOTE);
    expect(await section.getByTestId('control-anchor').getAttribute('href')).toMatch(/^\/verify\?hash=[0-9a-f]{64}$/);
    expect(await results()).toEqual([{ version: 1 }]);
    expect(await page.getByTestId('release-needs-control-result').count()).toBe(0);
    await shot('risk-03-officer-result-recorded');
    await expectNoAxeViolations(page, 'a recorded control result (officer)');

    await page.getByRole('button', { name: 'Release goods' }).click();
    await expect.poll(() => status(), { timeout: 30_000 }).toBe('RELEASED');
  });

  it('takes a correction as version 2, with its reason, the duty recomputed', async () => {
    const correction = page.getByTestId('control-correction');
    await correction.locator('summary').click();
    const form = page.getByTestId('correct-control-result-form');
    // Prefilled with version 1.
    const value = form.getByRole('group', { name: /^Item 1:/ }).getByLabel('Corrected customs value', { exact: true });
    expect(await value.inputValue()).toBe('20000.00');
    await value.fill('21000.00');
    await form.getByLabel('Reason for the correction', { exact: true }).fill('The supplier price list was for 2025; the 2026 one says 21,000.');
    await form.getByRole('button', { name: 'Save as version 2' }).click();
    await page.waitForURL(/done=control-result-2/, { timeout: 30_000 });
    const section = page.getByTestId('control-result');
    expect(await section.getByTestId('control-version').textContent()).toBe('2');
    expect(await section.textContent()).toContain('The supplier price list was for 2025');
    const { rows } = await getPool().query(`SELECT version, additional_duties::text AS a FROM control_result WHERE declaration_id = $1 ORDER BY version`, [declarationId]);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(Number(rows[1].a)).toBeGreaterThan(Number(rows[0].a));
    expect(await section.getByTestId('control-additional-duties').getAttribute('data-amount')).toBe(rows[1].a);
    expect(await section.getByTestId('control-finding-1').textContent()).toContain('→ 21000.00');
  });

  it('shows the trader the outcome and the extra duty, not the note nor the model', async () => {
    await actAs(TRADER);
    await page.goto(declarationUrl);
    expect(await status()).toBe('RELEASED');
    const section = page.getByTestId('control-result');
    expect(await section.getByTestId('control-outcome').textContent()).toBe('Discrepancy');
    const { rows } = await getPool().query(`SELECT additional_duties::text AS a FROM control_result WHERE declaration_id = $1 AND version = 2`, [declarationId]);
    expect(await section.getByTestId('control-additional-duties').getAttribute('data-amount')).toBe(rows[0].a);
    expect(await section.getByTestId('control-version').textContent()).toBe('2');
    expect(await section.getByTestId('control-finding-1').textContent()).toContain('Valuation');
    expect(await section.getByTestId('control-finding-1').textContent()).toContain('→ 21000.00');
    const body = (await page.locator('main').textContent())!;
    expect(body).not.toContain(NOTE);
    expect(await page.getByTestId('risk-explanation').count()).toBe(0);
    expect(await page.getByTestId('control-correction').count()).toBe(0);
    await shot('risk-04-trader-result');
    await expectNoAxeViolations(page, 'a control result (trader)');
  });

  it('works without JavaScript: a negative value is refused on its field, then the result is saved', async () => {
    const plain = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await plain.addCookies(await session.cookiesFor(OFFICER_EMAIL));
      const p = await plain.newPage();
      await p.goto(secondUrl);
      const form = p.getByTestId('record-control-result-form');
      await form.getByLabel('Discrepancy', { exact: true }).check();
      const item = form.getByRole('group', { name: /^Item 2:/ });
      await item.getByLabel('Finding', { exact: true }).selectOption('QUANTITY');
      await item.getByLabel('Corrected net mass (kg)', { exact: true }).fill('-5');
      await Promise.all([p.waitForLoadState('load'), form.getByRole('button', { name: 'Save control result' }).click()]);
      await expect.poll(() => p.locator('#record-item-2-correctedNetMass-error').textContent(), { timeout: 30_000 }).toContain('cannot be negative');
      expect(await p.getByTestId('control-outcome').count()).toBe(0);
      await p.getByTestId('record-control-result-form').getByRole('group', { name: /^Item 2:/ }).getByLabel('Corrected net mass (kg)', { exact: true }).fill('1150');
      await Promise.all([p.waitForURL(/done=control-result-1/, { timeout: 30_000 }), p.getByTestId('record-control-result-form').getByRole('button', { name: 'Save control result' }).click()]);
      expect(await p.getByTestId('control-outcome').getAttribute('data-outcome')).toBe('DISCREPANCY');
      expect(await p.getByTestId('control-finding-2').textContent()).toContain('→ 1150');
    } finally {
      await plain.close();
    }
  });
});
