// The end-to-end smoke: the real server process on a test database, driven by Debian's Chromium.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ClearwayProcess } from './clearway-process';
import { openPortalSession } from './portal-session';

const session = openPortalSession();
let clearway: ClearwayProcess;
let page: Page;

beforeAll(() => {
  ({ clearway, page } = session);
});

describe('the portal in a browser', () => {
  it('renders the home page with the service status', async () => {
    const response = await page.goto(clearway.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Clear goods across borders, without paper');
    await expect(page.getByTestId('service-status').textContent()).resolves.toMatch(/All systems operational — database reachable, schema \d{14}_/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: 'test-results/home.png', fullPage: true });
  });

  it('searches the HS nomenclature through the form and pages the results', async () => {
    await page.getByRole('link', { name: 'HS nomenclature' }).first().click();
    await page.waitForURL('**/tariff');
    await page.getByLabel('Code or words').fill('coffee');
    await page.getByLabel('Level').selectOption('SUBHEADING');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=coffee/);
    const rows = page.getByRole('row');
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^\d+ entries for “coffee”$/);
    expect(await rows.count()).toBeGreaterThan(3);
    await expect(page.getByRole('cell', { name: '0901.21' }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-results/tariff.png', fullPage: true });
  });

  it('shows an empty state when nothing matches', async () => {
    await page.goto(`${clearway.url}/tariff?q=unobtainium`);
    await expect(page.getByText('No entry matches.').count()).resolves.toBe(1);
  });

  it('answers a GraphQL query sent from the page origin', async () => {
    await page.goto(clearway.url);
    const result = await page.evaluate(async () => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { status } hsCode(code: "8471.30") { formattedCode section { id } } }' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(result).toEqual({
      status: 200,
      body: { data: { health: { status: 'OK' }, hsCode: { formattedCode: '8471.30', section: { id: 'XVI' } } } },
    });
  });

  it('answers unknown pages with a 404 page', async () => {
    const response = await page.goto(`${clearway.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
  });
});
