// The rest of a declaration's lifecycle in the browser, as the demo users (each signs in through the
// sign-in), on the server as `npm start` runs it. A trader files goods of a watch-listed origin (KP):
// red lane, under control. The officer sees lane and findings and raises a query; the trader answers it
// and amends the declaration (version 2, with a reason); the officer assesses duties, records the
// payment and releases. Then a cancellation: requested, refused (back where it was, without
// JavaScript), requested again, granted.
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ClearwayProcess } from './clearway-process';
import { openPortalSession } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
const OFFICER = 'officer@customs.example';
const LRN = `E2E-KP-${Date.now().toString(36).toUpperCase()}`;
const QUESTION = 'Please send the certificate of origin and the sanctions licence for item 1.';
const ANSWER = 'Certificate of origin CO-2026-0042 and licence LIC-77 are attached to the shipment file.';
const AMEND_REASON = 'Description of item 1 corrected: 60 kg jute bags.';
const PAYMENT_REFERENCE = 'NL-PAY-E2E-0001';

const session = openPortalSession();
const { actAs, shot } = session;
let clearway: ClearwayProcess;
let browser: Browser;
let page: Page;
let declarationUrl: string;

beforeAll(() => {
  ({ clearway, browser, page } = session);
});

function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}

const status = (on: Page = page) => on.getByTestId('current-status').getAttribute('data-status');
const timelineEntry = (to: string) => page.getByTestId('timeline').locator('li', { has: page.locator(`[data-status="${to}"]`) });

async function goodsItem(n: number, values: { code: string; description: string; packages: string; kind: string; gross: string; net: string; price: string }) {
  await page.getByRole('button', { name: 'Add a goods item' }).click();
  const item = page.getByRole('group', { name: `Goods item ${n}` });
  const code = item.getByRole('combobox', { name: 'Commodity code' });
  await code.fill(values.code);
  await expect.poll(() => item.locator(`#f-items-${n - 1}-commodityCode-hint`).textContent()).toMatch(/ — /);
  await code.press('Escape');
  await field(item, 'Goods description').fill(values.description);
  await field(item, 'Country of origin').fill('KP');
  await field(item, 'Kind of packages').fill(values.kind);
  await field(item, 'Number of packages').fill(values.packages);
  await field(item, 'Gross mass (kg)').fill(values.gross);
  await field(item, 'Net mass (kg)').fill(values.net);
  await field(item, 'Item price').fill(values.price);
}

describe('the lifecycle of a declaration in the portal', () => {
  it('lets a trader file goods of a watch-listed origin: red lane, under control', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await actAs(TRADER);
    await page.goto(`${clearway.url}/declarations/new`);
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Header & parties');
    await field(page, 'LRN (your reference)').fill(LRN);
    await field(page, 'Procedure code').fill('4000');
    await field(page, 'Customs office of declaration').fill('NL000396');
    await field(page, 'Exporter EORI (optional)').fill('CN440300123456789');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Transport & containers');
    await field(page, 'Mode of transport').selectOption('1');
    await field(page, 'Transport document number').fill('MEDUKP778899');
    await field(page, 'Customs office of entry').fill('NL000396');
    await field(page, 'Incoterms 2020 rule').selectOption('FOB');
    await field(page, 'Incoterms place').fill('CNSHA');
    await page.getByRole('button', { name: 'Add a container' }).click();
    const container = page.getByRole('group', { name: 'Container 1' });
    // The example in the hint is a real container number (its check digit is right).
    await expect(container.locator('#f-containers-0-containerNumber-hint').textContent()).resolves.toContain('e.g. CSQU3054383.');
    await field(container, 'Container number').fill('CSQU3054383');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Goods items');
    await goodsItem(1, { code: '09012100', description: 'Roasted coffee beans', packages: '20', kind: 'BG', gross: '1000', net: '950', price: '9000.00' });
    await goodsItem(2, { code: '18069019', description: 'Dark chocolate blocks', packages: '25', kind: 'CT', gross: '540', net: '500', price: '3000.00' });
    await field(page, 'Invoice currency').fill('USD');
    await field(page, 'Invoice amount').fill('12000.00');
    await field(page, 'Exchange rate').fill('0.920000');
    await field(page, 'Freight to the border (optional)').fill('800.00');
    await field(page, 'Total packages').fill('45');
    await field(page, 'Total gross mass (kg)').fill('1540');
    await page.getByRole('button', { name: 'Continue' }).click();

    // The review step estimates the duties through the public GraphQL API, labelled as an estimate.
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');
    const estimate = page.getByTestId('duty-estimate');
    await expect.poll(() => estimate.getByTestId('estimate-total').count()).toBe(1);
    expect(await estimate.getByTestId('estimate-total').textContent()).toMatch(/^\d+\.\d{2}$/);
    expect(await estimate.textContent()).toContain('for guidance only');
    expect(await estimate.getByTestId('estimate-table').locator('tbody tr').count()).toBe(2);
    await shot('actions-01-review-estimate');

    // A problem the tariff finds is explained politely, item by item, and does not block anything.
    await page.getByRole('button', { name: 'Back' }).click();
    const coffeeCode = page.getByRole('group', { name: 'Goods item 1' }).getByRole('combobox', { name: 'Commodity code' });
    await coffeeCode.fill('0901.21');
    await coffeeCode.press('Escape');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');
    const problem = estimate.getByTestId('estimate-problem');
    await expect.poll(() => problem.textContent()).toContain('Goods item 1, commodity code: 0901.21 is divided in the national tariff');
    expect(await estimate.getByTestId('estimate-total').count()).toBe(0);
    await estimate.screenshot({ path: 'test-results/actions-01b-estimate-problem.png' });
    await page.getByRole('button', { name: 'Back' }).click();
    await coffeeCode.fill('09012100');
    await coffeeCode.press('Escape');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => estimate.getByTestId('estimate-total').count()).toBe(1);

    await page.getByRole('button', { name: 'Submit declaration' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    declarationUrl = page.url();
    await expect.poll(() => status()).toBe('UNDER_CONTROL');
    // Everyone sees the lane; the findings are customs' own.
    expect(await page.getByTestId('lane').locator('[data-lane]').getAttribute('data-lane')).toBe('RED');
    expect(await page.getByTestId('risk').textContent()).toContain('Physical inspection');
    expect(await page.getByTestId('findings').count()).toBe(0);
    // Nor the score, in the risk section or the status history (issue 12, item 8).
    expect(await page.getByTestId('risk').textContent()).not.toMatch(/score/i);
    expect(await page.getByTestId('timeline').textContent()).not.toMatch(/score/i);
    // The trader may amend or ask to cancel, nothing an officer does.
    expect(await page.getByRole('link', { name: 'Amend declaration' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Request cancellation' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Assess duties' }).count()).toBe(0);
    expect(await page.getByTestId('duties').textContent()).toContain('Not assessed yet');
    await shot('actions-02-trader-under-control');
  });

  it('shows the officer the lane and the findings, and lets them raise a query', async () => {
    await actAs(OFFICER);
    const findings = page.getByTestId('findings');
    await expect.poll(() => findings.textContent()).toContain('Origin KP');
    expect(await page.getByTestId('risk').locator('[data-lane]').first().getAttribute('data-lane')).toBe('RED');
    for (const name of ['Assess duties', 'Send question', 'Change lane', 'Reject declaration']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(1);
    }
    expect(await page.getByRole('link', { name: 'Amend declaration' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Release goods' }).count()).toBe(0);
    await shot('actions-03-officer-under-control');

    // A question is required (the browser says so before anything is sent).
    await page.getByRole('button', { name: 'Send question' }).click();
    expect(await page.locator('#query-question').evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await field(page, 'Question to the filer').fill(QUESTION);
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect.poll(() => status()).toBe('QUERY');
    expect(await page.getByTestId('done').textContent()).toContain('Your question was sent to the filer');
    expect(await timelineEntry('QUERY').textContent()).toContain(QUESTION);
    expect(await page.getByTestId('open-query').textContent()).toContain('waiting for the filer');
    expect(await page.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
    await shot('actions-04-officer-query-raised');
  });

  it('shows the trader the question and takes the answer', async () => {
    await actAs(TRADER);
    const open = page.getByTestId('open-query');
    await expect.poll(() => open.getByTestId('open-question').textContent()).toBe(QUESTION);
    expect(await open.getByRole('heading').textContent()).toBe('Customs asks you a question');
    // The officer's confirmation is not shown to the trader.
    expect(await page.getByTestId('done').count()).toBe(0);
    await shot('actions-05-trader-query');
    await field(open, 'Your answer').fill(ANSWER);
    await open.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => status()).toBe('UNDER_CONTROL');
    expect(await page.getByTestId('done').textContent()).toContain('Your answer was sent to customs');
    expect(await page.getByTestId('open-query').count()).toBe(0);
    const thread = page.getByTestId('queries');
    expect(await thread.textContent()).toContain(QUESTION);
    expect(await thread.textContent()).toContain(ANSWER);
    expect(await timelineEntry('UNDER_CONTROL').last().textContent()).toContain(ANSWER);
  });

  it('lets the trader amend it, with a reason, as version 2', async () => {
    await page.getByRole('link', { name: 'Amend declaration' }).click();
    await page.waitForURL(/\/amend$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Amend declaration ${LRN}`);
    // Opened with the current content; the LRN and the type cannot change; no draft saving.
    expect(await field(page, 'LRN (your reference)').inputValue()).toBe(LRN);
    expect(await field(page, 'LRN (your reference)').getAttribute('readonly')).not.toBeNull();
    expect(await field(page, 'Declaration type').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

    await page.getByRole('button', { name: /Goods items/ }).click();
    const coffee = page.getByRole('group', { name: 'Goods item 1' });
    expect(await coffee.getByRole('combobox', { name: 'Commodity code' }).inputValue()).toBe('0901.21 00');
    await field(coffee, 'Goods description').fill('Roasted coffee beans in 60 kg jute bags');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');
    await expect.poll(() => page.getByTestId('estimate-total').count()).toBe(1);

    // The reason is required: the error summary links to the field, which says why.
    await page.getByRole('button', { name: 'Submit amendment' }).click();
    const summary = page.getByTestId('error-summary');
    await expect.poll(() => summary.textContent()).toContain('Reason for the amendment: Give the reason for the amendment');
    const reason = field(page, 'Reason for the amendment');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toContain('f-reason-error');
    await shot('actions-06-amend-reason-required');
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-reason');
    await reason.fill(AMEND_REASON);
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Submit amendment' }).click();

    await page.waitForURL(`${declarationUrl}?done=amended`);
    await expect.poll(() => page.getByTestId('done').textContent()).toContain('Your amendment was submitted and frozen as version 2.');
    expect(await status()).toBe('UNDER_CONTROL');
    const versions = page.getByRole('region', { name: 'Versions', exact: true });
    await expect.poll(() => versions.textContent()).toContain('Version 2');
    expect(await versions.textContent()).toContain(AMEND_REASON);
    expect(await page.getByTestId('items-table').textContent()).toContain('Roasted coffee beans in 60 kg jute bags');
    await shot('actions-07-amended');
  });

  it('lets the officer assess duties, record the payment and release the goods', async () => {
    await actAs(OFFICER);
    await page.getByRole('button', { name: 'Assess duties' }).click();
    await expect.poll(() => status()).toBe('DUTY_ASSESSED');
    const duties = page.getByTestId('duties');
    expect(await duties.getByTestId('duties-item-1').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await duties.getByTestId('duties-item-2').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await duties.textContent()).toContain('VAT');
    const total = (await duties.getByTestId('duty-total').textContent())!;
    expect(total).toMatch(/^\d+\.\d{2}$/);
    expect(Number(total)).toBeGreaterThan(0);
    expect(await timelineEntry('DUTY_ASSESSED').textContent()).toContain(total);

    // The amount is filled in with the total; a wrong one is refused on its field, the rest kept.
    const amount = field(page, 'Amount paid');
    expect(await amount.inputValue()).toBe(total);
    await amount.fill('1.00');
    await field(page, 'Payment reference').fill(PAYMENT_REFERENCE);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => page.locator('#payment-amount-error').textContent()).toContain(`The amount due is ${total}, not 1.00.`);
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.getAttribute('aria-describedby')).toContain('payment-amount-error');
    expect(await field(page, 'Payment reference').inputValue()).toBe(PAYMENT_REFERENCE);
    expect(await status()).toBe('DUTY_ASSESSED');
    await shot('actions-08-officer-duties-payment-error');
    await page.getByTestId('action-payment').screenshot({ path: 'test-results/actions-08b-payment-form-error.png' });
    await duties.screenshot({ path: 'test-results/actions-08c-duties-section.png' });

    await amount.fill(total);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => status()).toBe('PAID');
    expect(await page.getByTestId('payment').textContent()).toContain(PAYMENT_REFERENCE);
    expect(await timelineEntry('PAID').textContent()).toContain(`Paid ${total}`);
    await shot('actions-09-officer-paid');

    // Under control, so the release waits for the control result (issue 14): nothing found here.
    const result = page.getByTestId('record-control-result-form');
    await result.getByLabel('No discrepancy', { exact: true }).check();
    await result.getByRole('button', { name: 'Save control result' }).click();
    await page.waitForURL(/done=control-result-1/);
    expect(await page.getByTestId('control-outcome').getAttribute('data-outcome')).toBe('NO_DISCREPANCY');
    await page.getByRole('button', { name: 'Release goods' }).click();
    await expect.poll(() => status()).toBe('RELEASED');
    expect(await page.getByTestId('done').textContent()).toContain('The goods were released');
    expect(await timelineEntry('RELEASED').textContent()).toContain(OFFICER);
  });

  it('shows the trader the release, and no way to amend any more', async () => {
    await actAs(TRADER);
    await expect.poll(() => status()).toBe('RELEASED');
    expect(await page.getByRole('link', { name: 'Amend declaration' }).count()).toBe(0);
    expect(await page.getByTestId('actions').count()).toBe(0);
    expect(await page.getByTestId('payment').textContent()).toContain(PAYMENT_REFERENCE);
    await shot('actions-10-trader-released');
    await page.goto(`${declarationUrl}/amend`);
    expect(await page.getByTestId('not-amendable').textContent()).toContain('can no longer be amended');
  });
});

describe('on a phone', () => {
  it('fits the action forms, the query thread and the duties on the screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await phone.addCookies(await session.cookiesFor(OFFICER));
      const small = await phone.newPage();
      // An officer's view of a declaration under control (most forms), then ours (duties, queries).
      await small.goto(`${clearway.url}/declarations?status=UNDER_CONTROL`);
      await small.getByTestId('declarations-table').getByRole('row').nth(1).getByRole('link').click();
      await small.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
      expect(await small.getByRole('button', { name: 'Assess duties' }).count()).toBe(1);
      await small.getByTestId('actions').screenshot({ path: 'test-results/actions-phone-officer-forms.png' });
      expect(await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await small.goto(declarationUrl);
      await small.getByTestId('duties').screenshot({ path: 'test-results/actions-phone-duties.png' });
      await small.getByTestId('queries').screenshot({ path: 'test-results/actions-phone-queries.png' });
      expect(await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});

describe('cancelling a declaration', () => {
  it('takes a request, a refusal (without JavaScript), a second request and a grant', async () => {
    await page.goto(`${clearway.url}/declarations?q=DEMO-0007`);
    await actAs(TRADER);
    await page.getByRole('link', { name: 'DEMO-0007' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    const url = page.url();
    // A demo declaration between acceptance and a decision (green: duties assessed).
    const before = await status();
    expect(['ACCEPTED', 'RISK_ASSESSED', 'UNDER_CONTROL', 'QUERY', 'DUTY_ASSESSED']).toContain(before);

    await field(page, 'Reason for cancelling').fill('Shipment returned to the supplier before unloading.');
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await expect.poll(() => status()).toBe('CANCEL_REQUESTED');
    expect(await page.getByTestId('cancel-request').textContent()).toContain('Shipment returned to the supplier');
    expect(await page.getByRole('link', { name: 'Amend declaration' }).count()).toBe(0);
    await shot('actions-11-trader-cancel-requested');

    // The officer refuses, in a browser without JavaScript: a plain form post and a redirect.
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await noJs.addCookies(await session.cookiesFor(OFFICER));
      const plain = await noJs.newPage();
      await plain.goto(url);
      expect(await status(plain)).toBe('CANCEL_REQUESTED');
      await shot('actions-12-officer-decide-cancellation-nojs', plain);
      await field(plain, 'Reason for the decision').fill('The goods were presented: cancel only after re-export.');
      await Promise.all([plain.waitForURL(`${url}?done=cancellation-refused`), plain.getByRole('button', { name: 'Refuse cancellation' }).click()]);
      expect(await status(plain)).toBe(before);
      expect(await plain.getByTestId('done').textContent()).toContain('The cancellation request was refused');
    } finally {
      await noJs.close();
    }

    await page.reload();
    await expect.poll(() => status()).toBe(before);
    expect(await timelineEntry(before!).last().textContent()).toContain('cancel only after re-export');

    await field(page, 'Reason for cancelling').fill('Goods re-exported on 2026-11-20, export MRN attached.');
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await expect.poll(() => status()).toBe('CANCEL_REQUESTED');

    await actAs(OFFICER);
    await field(page, 'Reason for the decision').fill('Re-export confirmed.');
    await page.getByRole('button', { name: 'Grant cancellation' }).click();
    await expect.poll(() => status()).toBe('CANCELLED');
    expect(await timelineEntry('CANCELLED').textContent()).toContain('Re-export confirmed.');
    expect(await page.getByTestId('actions').count()).toBe(0);
    await shot('actions-13-officer-cancelled');
  });
});
