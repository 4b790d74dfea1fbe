// The single window in the browser (issue 13, "Done when"), as the demo users, on the server as
// `npm start` runs it. Anyone finds what frozen beef from Brazil needs (no sign-in, by keyboard). A
// trader types the beef into the declaration form and the panel shows the veterinary certificate; she
// saves the draft, applies from it without retyping and submits. Customs tries to release: refused,
// with the gate's words. The veterinary officer finds the application in his queue and approves it; the
// certificate is a PDF whose decision verifies at /verify; customs then releases. Duties are assessed
// and paid through lib/ (the declaration pages' own tests cover those forms).
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { recordPayment } from '../../lib/declarations/record-payment';
import { disconnectDb, getDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { recordNoDiscrepancyIfControlled } from '../../lib/risk/record-no-discrepancy-if-controlled';
import type { ClearwayProcess } from './clearway-process';
import { openPortalSession } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
const OFFICER = 'officer@customs.example';
const VET = 'vet.officer@vet.example';
const LRN = `E2E-BEEF-${Date.now().toString(36).toUpperCase()}`;
const RULE = 'vet-02-import';

const session = openPortalSession();
const { actAs, shot } = session;
let clearway: ClearwayProcess;
let page: Page;
let declarationId: string;
let applicationUrl: string;

beforeAll(() => {
  ({ clearway, page } = session);
  // The unsaved-changes warning may ask before a link is followed: answer yes.
  page.on('dialog', (d) => void d.accept());
});

/** Runs lib/ against the server's database (as the officer's back office would). */
async function withDb<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  try {
    return await run();
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    resetEnvCache();
  }
}

function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}

const requirementStatus = () => page.getByTestId(`permit-requirement-status-1-${RULE}`).getAttribute('data-status');

describe('the single window in the portal', () => {
  it('answers anyone “what do I need” for beef from Brazil, by keyboard, and explains a bad code', async () => {
    await page.goto(`${clearway.url}/permits/finder`);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(0);
    await page.getByLabel('Commodity code').focus();
    await page.keyboard.type('0202 30 90');
    await page.keyboard.press('Tab');
    await page.keyboard.type('BR');
    await page.keyboard.press('Enter');
    await page.waitForURL(/code=0202/);
    const row = page.getByTestId(`finder-rule-${RULE}`);
    await expect.poll(() => row.textContent()).toContain('Veterinary certificate (853)');
    expect(await row.textContent()).toContain('Veterinary Border Inspection Service');
    await shot('permits-01-finder');

    await page.goto(`${clearway.url}/permits/finder?code=02x&origin=ZZ`);
    const problems = page.getByTestId('finder-problems');
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await problems.locator('li').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('finder-results').count()).toBe(0);
  });

  it('shows the veterinary requirement as the trader types, and lets her apply from the declaration', async () => {
    await page.goto(`${clearway.url}/declarations`);
    await actAs(TRADER);
    // Before anything is applied for, her list says how to start.
    await page.goto(`${clearway.url}/permits`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Permit applications');

    await page.goto(`${clearway.url}/declarations/new`);
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Header & parties');
    await expect.poll(() => page.getByTestId('permit-panel-status').textContent()).toContain('Type a commodity code');
    await field(page, 'LRN (your reference)').fill(LRN);
    await field(page, 'Procedure code').fill('4000');
    await field(page, 'Customs office of declaration').fill('NL000396');
    await field(page, 'Exporter EORI (optional)').fill('CN440300123456789');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Transport & containers');
    await field(page, 'Mode of transport').selectOption('1');
    await field(page, 'Transport document number').fill('MEDUBR445566');
    await field(page, 'Customs office of entry').fill('NL000396');
    await field(page, 'Incoterms 2020 rule').selectOption('CIF');
    await field(page, 'Incoterms place').fill('NLRTM');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Goods items');
    await page.getByRole('button', { name: 'Add a goods item' }).click();
    const item = page.getByRole('group', { name: 'Goods item 1' });
    const code = item.getByRole('combobox', { name: 'Commodity code' });
    await code.fill('02023090');
    await code.press('Escape');
    // The panel asks the public lookup as she types: meat needs the veterinary service's certificate.
    const requirement = page.getByTestId(`requirement-1-${RULE}`);
    await expect.poll(() => requirement.count()).toBe(1);
    expect(await requirement.textContent()).toContain('Veterinary certificate (853)');
    expect(await requirement.textContent()).toContain('Save the draft');
    await field(item, 'Goods description').fill('Frozen boneless beef cuts');
    await field(item, 'Country of origin').fill('BR');
    await field(item, 'Kind of packages').fill('CT');
    await field(item, 'Number of packages').fill('40');
    await field(item, 'Gross mass (kg)').fill('12600');
    await field(item, 'Net mass (kg)').fill('12000');
    await field(item, 'Item price').fill('84000.00');
    await field(page, 'Invoice currency').fill('EUR');
    await field(page, 'Invoice amount').fill('84000.00');
    await field(page, 'Exchange rate').fill('1.000000');
    await field(page, 'Total packages').fill('40');
    await field(page, 'Total gross mass (kg)').fill('12600');
    await expect.poll(() => requirement.textContent()).toContain('Veterinary Border Inspection Service');
    await shot('permits-02-panel-while-typing');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#step-heading').textContent()).toContain('Review & submit');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}\/edit$/);
    declarationId = /declarations\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // Saved: the requirement can be met from here. Citing offers her company's valid veterinary
    // certificates (the demo data approved some for beef); this shipment gets its own, applied for here.
    const apply = requirement.getByRole('link', { name: 'Apply now' });
    await expect.poll(() => apply.count()).toBe(1);
    await requirement.getByRole('button', { name: 'Cite a permit' }).click();
    const held = requirement.getByLabel('Permit', { exact: true }).locator('option');
    await expect.poll(() => held.count()).toBeGreaterThan(1);
    expect(await held.nth(1).textContent()).toMatch(/valid until \d{4}-\d{2}-\d{2}/);
    await apply.click();

    // The application reuses the declaration: nothing of the goods is typed again.
    await page.waitForURL(/\/permits\/apply\?/);
    expect(await page.getByTestId('apply-from-declaration').textContent()).toContain('item 1 (02023090)');
    expect(await field(page, 'What you apply for').inputValue()).toBe(RULE);
    expect(await page.getByLabel('Commodity code').count()).toBe(0);
    await field(page, 'Note to the agency (optional)').fill('Shipment of 12 t, establishment SIF 1234.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/permits\/applications\/[0-9a-f-]{36}/);
    applicationUrl = page.url().split('?')[0]!;
    expect(await page.getByTestId('application-status').getAttribute('data-status')).toBe('SUBMITTED');
    const goods = await page.getByTestId('application-goods').textContent();
    expect(goods).toContain('02023090');
    expect(goods).toContain('Frozen boneless beef cuts');
    expect(goods).toContain('12000');
    await shot('permits-03-applied');

    // Her list shows it; then she submits the declaration itself.
    await page.goto(`${clearway.url}/permits`);
    expect(await page.getByTestId('permit-applications').locator(`a[href="${new URL(applicationUrl).pathname}"]`).count()).toBe(1);
    await page.goto(`${clearway.url}/declarations/${declarationId}`);
    await page.getByRole('button', { name: 'Submit declaration' }).click();
    await expect.poll(() => page.getByTestId('current-status').getAttribute('data-status'), { timeout: 30_000 }).not.toBe('DRAFT');
    await expect.poll(() => requirementStatus(), { timeout: 30_000 }).toBe('PENDING');
  }, 180_000);

  it('keeps customs from releasing while the certificate is pending, in the gate’s words', async () => {
    await withDb(async () => {
      const officer = await loadUserActor({ email: OFFICER });
      // A green-lane declaration has its duties assessed at submission; otherwise the officer assesses them.
      const { status } = await getDb().declaration.findUniqueOrThrow({ where: { id: declarationId }, select: { status: true } });
      if (status !== 'DUTY_ASSESSED') await assessDuties({ actor: officer, id: declarationId });
      const due = (await getDb().declaration.findUniqueOrThrow({ where: { id: declarationId } })).dutyTotal!;
      await recordPayment({ actor: officer, id: declarationId, amount: due.toFixed(2), reference: 'NL-PAY-E2E-BEEF' });
      await recordNoDiscrepancyIfControlled(officer, declarationId);
    });
    await actAs(OFFICER);
    await page.goto(`${clearway.url}/declarations/${declarationId}`);
    expect(await page.getByTestId('release-held').textContent()).toContain('Release is held');
    await page.getByRole('button', { name: 'Release goods' }).click();
    const refusal = page.getByTestId('action-release').getByRole('alert');
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toContain('Release is held by 1 permit requirement');
    expect(await refusal.textContent()).toContain('Item 1: Veterinary certificate (853) of VET — PENDING');
    expect(await page.getByTestId('current-status').getAttribute('data-status')).toBe('PAID');
    await shot('permits-04-release-held');
  }, 120_000);

  it('lets the veterinary officer approve it from his queue; the certificate verifies', async () => {
    await actAs(VET);
    await page.goto(`${clearway.url}/agency`);
    const number = /applications\/([0-9a-f-]{36})/.exec(applicationUrl)![1]!;
    const link = page.locator(`a[href="/permits/applications/${number}"]`);
    await expect.poll(() => link.count()).toBe(1);
    expect(await page.getByTestId('agency-counts').textContent()).toMatch(/\d+ submitted/);
    await shot('permits-05-agency-queue');
    await link.click();
    await page.waitForURL(/\/permits\/applications\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('application-goods').textContent()).toContain('Frozen boneless beef cuts');
    // Approve is the default choice; the validity defaults to the rule's.
    await page.getByRole('radio', { name: /^Approve/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => page.getByTestId('application-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('APPROVED');
    const certificate = page.getByTestId('decision').getByTestId('certificate-link');
    const res = await page.request.get(`${clearway.url}${await certificate.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('permits-06-approved');

    // The permit's page links to the verification of its anchored decision (what the QR code holds).
    await page.getByTestId('issued-permit').getByRole('link').first().click();
    await page.waitForURL(/\/permits\/held\/[0-9a-f-]{36}/);
    const verifyHref = await page.getByRole('link', { name: /verification of the anchored decision/ }).getAttribute('href');
    expect(verifyHref).toMatch(/^\/verify\?hash=[0-9a-f]{64}$/);
    await expect
      .poll(
        async () => {
          await page.goto(`${clearway.url}${verifyHref}`);
          await page.locator('#verify-result-title').waitFor();
          return page.locator('#verify-result-title').textContent();
        },
        { timeout: 45_000, interval: 2_000 },
      )
      .toContain('Verified');
  }, 120_000);

  it('lets customs release once the permit is approved', async () => {
    await actAs(OFFICER);
    await page.goto(`${clearway.url}/declarations/${declarationId}`);
    await expect.poll(() => requirementStatus()).toBe('SATISFIED');
    expect(await page.getByTestId('release-held').count()).toBe(0);
    await page.getByRole('button', { name: 'Release goods' }).click();
    await expect.poll(() => page.getByTestId('current-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('RELEASED');
    await shot('permits-07-released');

    // The trader's permits show it, with its validity.
    await actAs(TRADER);
    await page.goto(`${clearway.url}/permits/held`);
    expect(await page.getByTestId('permits').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
