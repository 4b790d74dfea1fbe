// A complete filing with the keyboard alone (WCAG 2.1.1): from the declarations list to an accepted
// declaration, the browser gets only key presses — Tab to move, typing to fill, arrows to choose, Enter
// to press. Each element reached must show a visible focus indicator (WCAG 2.4.7). Locators only say
// where the focus should end up; nothing is clicked or filled programmatically.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const session = openPortalSession();
let page: Page;
const LRN = `KBD-${Date.now().toString(36).toUpperCase()}`;

beforeAll(() => {
  page = session.page;
});

/** Presses Tab until the target has the focus (at most `max` times), then checks the focus is visible. */
async function tabTo(target: Locator, max = 200): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error(`no element for ${target.toString()}`);
  for (let i = 0; i < max; i += 1) {
    if (await handle.evaluate((el) => el === document.activeElement)) {
      const indicator = await handle.evaluate((el) => {
        const style = getComputedStyle(el);
        return { outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', shadow: style.boxShadow !== 'none' };
      });
      expect(indicator.outline || indicator.shadow, `visible focus on ${target.toString()}`).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

async function typeInto(target: Locator, text: string): Promise<void> {
  await tabTo(target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Moves a closed <select> with the arrow keys until it holds `value`. */
async function choose(target: Locator, value: string): Promise<void> {
  await tabTo(target);
  await page.keyboard.press('Home');
  for (let i = 0; i < 60 && (await target.inputValue()) !== value; i += 1) await page.keyboard.press('ArrowDown');
  expect(await target.inputValue()).toBe(value);
}

async function press(target: Locator): Promise<void> {
  await tabTo(target);
  await page.keyboard.press('Enter');
}

const field = (label: string, scope: Page | Locator = page) => scope.getByLabel(label, { exact: true });
const heading = () => page.locator('#step-heading').textContent();

describe('a complete filing by keyboard alone', () => {
  it('files and submits an import declaration using only key presses', async () => {
    await session.actAs('trader@rotterdam-importers.example');
    await page.goto(`${session.clearway.url}/declarations`);

    // The skip link is the first stop and moves the focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await press(page.getByRole('link', { name: 'Start a declaration' }).first());
    await page.waitForURL('**/declarations/new');
    await expect.poll(heading).toContain('Header & parties');

    // Step 1
    await typeInto(field('LRN (your reference)'), LRN);
    await typeInto(field('Procedure code'), '4000');
    await typeInto(field('Customs office of declaration'), 'NL000396');
    await press(page.getByRole('button', { name: 'Continue' }));

    // Step 2: an error first, reached from the error summary by keyboard.
    await expect.poll(heading).toContain('Transport & containers');
    await choose(field('Mode of transport'), '1');
    await typeInto(field('Transport document number'), 'MEDUSZ654321');
    // A mistyped office (a draft may leave fields empty, but not wrong).
    await typeInto(field('Customs office of entry'), 'NL00');
    await press(page.getByRole('button', { name: 'Continue' }));
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expectNoAxeViolations(page, '/declarations/new step 2 with errors');
    await press(summary.getByRole('link').first());
    const focusedId = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(focusedId).toMatch(/^f-/);
    await typeInto(field('Customs office of entry'), 'NL000396');
    await choose(field('Incoterms 2020 rule'), 'FOB');
    await typeInto(field('Incoterms place'), 'CNSZX');
    await press(page.getByRole('button', { name: 'Continue' }));

    // Step 3: one goods item, its code typed in full and the suggestions closed with Escape.
    await expect.poll(heading).toContain('Goods items');
    await press(page.getByRole('button', { name: 'Add a goods item' }));
    const item = page.getByRole('group', { name: 'Goods item 1' });
    const code = item.getByRole('combobox', { name: 'Commodity code' });
    await typeInto(code, '84713000');
    await expect.poll(() => item.locator('#f-items-0-commodityCode-hint').textContent()).toMatch(/^8471\.30 00 — /);
    await page.keyboard.press('Escape');
    await typeInto(field('Goods description', item), 'Laptop computers, 14 inch');
    await typeInto(field('Country of origin', item), 'CN');
    await typeInto(field('Kind of packages', item), 'CT');
    await typeInto(field('Number of packages', item), '100');
    await typeInto(field('Gross mass (kg)', item), '1500');
    await typeInto(field('Net mass (kg)', item), '1300');
    await typeInto(field('Item price', item), '9000.00');
    // Laptops are counted in pieces (NAR) on the national tariff line.
    await typeInto(item.getByLabel(/^Supplementary quantity/), '100');
    // The unit is a combobox over the unit code list: type the code, then close its suggestions.
    await typeInto(item.getByRole('combobox', { name: /^Supplementary unit/ }), 'NAR');
    await page.keyboard.press('Escape');
    await typeInto(field('Invoice currency'), 'USD');
    await typeInto(field('Invoice amount'), '9000.00');
    await typeInto(field('Exchange rate'), '0.920000');
    await typeInto(field('Total packages'), '100');
    await typeInto(field('Total gross mass (kg)'), '1500.000');
    await press(page.getByRole('button', { name: 'Continue' }));

    // Step 4: review and submit.
    await expect.poll(heading).toContain('Review & submit');
    await expectNoAxeViolations(page, '/declarations/new review step');
    await press(page.getByRole('button', { name: 'Submit declaration' }));
    // Submission checks, numbers, scores and anchors the declaration: allow for a loaded machine.
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/, { timeout: 45_000 });
    await expect(page.getByTestId('lrn').textContent()).resolves.toBe(LRN);
    await expect(page.getByTestId('mrn').textContent()).resolves.toMatch(/^\d{2}NL[A-Z0-9]{13}\d$/);
    await expectNoAxeViolations(page, '/declarations/[id] after a keyboard filing');
    await session.shot('keyboard-filing-submitted');
  }, 600_000);
});
