// The terminal page in the browser, on the server as `npm start` runs it: the demo terminal operator
// watches its gates; a reader (an API token with gate:decide) asks over POST /api/gate/decision for a
// released container with an intact seal and for a tampered one; the OPEN and the HOLD with its reasons
// appear by themselves (the page's live refresh), and axe finds no accessibility violation. The same
// page and /performance in French, and in Arabic right to left (screenshots terminal-ar, performance-ar).

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { asToken } from '../support/auth';
import { GATE_IN, GATE_OUT, releasedShipment, reportTamper, TERMINAL_EMAIL } from '../gates/fixtures';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let url: (path: string) => string;
let reader: Record<string, string>;
let intact: string;
let tampered: string;

beforeAll(async () => {
  page = session.page;
  url = (path) => `${session.clearway.url}${path}`;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  reader = (await asToken(TERMINAL_EMAIL, ['gate:decide'])).headers;
  intact = (await releasedShipment()).containerNumber;
  tampered = (await releasedShipment()).containerNumber;
  await reportTamper(tampered);
});

afterAll(async () => {
  await disconnectDb();
});

async function ask(containerNumber: string, gate: string) {
  const res = await fetch(url('/api/gate/decision'), { method: 'POST', headers: { 'content-type': 'application/json', ...reader }, body: JSON.stringify({ containerNumber, gate }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { decision: string };
}

const row = (container: string) => page.getByTestId('gate-decisions').locator(`tr[data-container="${container}"]`);


describe('the terminal page', () => {
  it('shows the terminal operator an OPEN and a HOLD with its reasons as the gates decide, live', async () => {
    await actAs(TERMINAL_EMAIL);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gates' }).click();
    await page.waitForURL(url('/terminal'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gate traffic');
    expect(await page.getByTestId('gate-summary').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-gate')))).toEqual([GATE_IN, GATE_OUT]);
    await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();

    // The readers ask while the page is open; nobody reloads it.
    expect((await ask(intact, GATE_IN)).decision).toBe('OPEN');
    expect((await ask(tampered, GATE_OUT)).decision).toBe('HOLD');
    await row(intact).waitFor({ timeout: 20_000 });
    await row(tampered).waitFor({ timeout: 20_000 });

    const opened = row(intact);
    expect(await opened.getAttribute('data-decision')).toBe('OPEN');
    expect(await opened.getByTestId('gate-verdict').textContent()).toContain('Open');
    expect(await opened.textContent()).toContain('Every check passed.');
    const held = row(tampered);
    expect(await held.getByTestId('gate-verdict').textContent()).toContain('Hold');
    const reasons = await held.getByTestId('hold-reasons').textContent();
    expect(reasons).toContain('Seal broken or tampered');
    expect(reasons).toContain('SEAL_BROKEN');
    expect(reasons).toContain('Open alert');
    expect(reasons).toContain(`The seal of container ${tampered} is suspected broken`);

    // Per gate: the counts and why the out gate held.
    const outGate = page.getByTestId('gate-summary').locator(`tr[data-gate="${GATE_OUT}"]`);
    expect(await outGate.getByTestId('hold-count').textContent()).toBe('1');
    expect(await outGate.textContent()).toContain('Seal broken or tampered: 1');
    const inGate = page.getByTestId('gate-summary').locator(`tr[data-gate="${GATE_IN}"]`);
    expect(await inGate.getByTestId('open-count').textContent()).toBe('1');
    await shot('terminal-gate-traffic');

    await expectNoAxeViolations(page, 'the terminal page');
  });

  it('speaks French, and Arabic right to left, on the terminal and performance pages', async () => {
    await actAs(TERMINAL_EMAIL);
    // Chosen in this browser (the switcher's cookie); the demo terminal operator has no profile language.
    const speak = (locale: string) => page.context().addCookies([{ name: 'clearway-locale', value: locale, url: url('/') }]);
    const heading = async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim();

    await speak('fr');
    await page.goto(url('/terminal'));
    expect(await heading()).toBe('Trafic aux portiques');
    expect(await page.title()).toContain('Trafic aux portiques');
    const held = row(tampered);
    expect(await held.getByTestId('gate-verdict').textContent()).toContain('Retenu');
    expect(await held.getByTestId('hold-reasons').textContent()).toContain('Scellé rompu ou altéré');
    expect(await row(intact).textContent()).toContain('Tous les contrôles sont satisfaits.');
    expect(await page.getByTestId('gate-summary').locator(`tr[data-gate="${GATE_OUT}"]`).textContent()).toContain('Scellé rompu ou altéré : 1');
    expect(await page.getByRole('columnheader', { name: 'Attente médiane' }).count()).toBe(1);
    await page.goto(url('/performance'));
    expect(await heading()).toBe('Combien de temps prend le dédouanement');
    const national = page.getByRole('region', { name: 'Toutes les déclarations' });
    expect(await national.getByRole('table', { name: 'Par circuit' }).count()).toBe(1);
    expect(await national.getByTestId('national-summary').textContent()).toMatch(/mainlevée/);
    expect(await national.getByTestId('national-release-time-chart').getAttribute('aria-label')).toMatch(/^Délai du dépôt à la mainlevée par circuit/);

    await speak('ar');
    await page.goto(url('/terminal'));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await heading()).toBe('حركة البوابات');
    expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await row(tampered).getByTestId('gate-verdict').textContent()).toContain('احتجاز');
    await shot('terminal-ar');
    await expectNoAxeViolations(page, 'the terminal page in Arabic');
    await page.goto(url('/performance'));
    expect(await heading()).toBe('كم يستغرق التخليص الجمركي');
    expect(await page.getByRole('table', { name: 'حسب المسار' }).count()).toBeGreaterThan(0);
    await shot('performance-ar');
    await expectNoAxeViolations(page, 'the performance page in Arabic');
  });

  it('tells a trader the page is not theirs', async () => {
    await actAs('trader@rotterdam-importers.example');
    await page.goto(url('/terminal'));
    expect(await page.getByRole('alert').filter({ hasText: 'Gate traffic is for terminal operators and customs' }).count()).toBe(1);
  });
});
