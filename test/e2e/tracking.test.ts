// Shipment tracking in the browser, on the server as `npm start` runs it. The demo journeys
// (lib/tracking seedDemoShipments: Shanghai → Rotterdam under way, one arrived and resealed by customs,
// Mombasa → Kampala tampered with) and two shipments a broker files for Rotterdam are made through lib/
// on the server's database. The trader sees its shipments and a journey's map and timeline, and an event
// recorded while the page is open appears by itself; Kampala's trader sees its tampered container and
// the alert, and none of Rotterdam's; the officer sees the alert on the declaration and acknowledges
// it with a note (without JavaScript); the broker sees its client's shipments in one list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { iso6346CheckDigit } from '../../lib/declarations/codes';
import { disconnectDb } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { recordSealEvents } from '../../lib/tracking/record-seal-events';
import { seedDemoShipments } from '../../lib/tracking/seed-demo-shipments';
import { broker, gateway, newContainer, trackedShipment } from '../tracking/fixtures';
import { openPortalSession } from './portal-session';

const TRADER = 'trader@rotterdam-importers.example';
const BROKER = 'broker@delta-brokers.example';
const KAMPALA = 'trader@kampala-trading.example';
const OFFICER = 'officer@customs.example';
const NOTE = 'Seal photographed at Eldoret weighbridge: cable intact, tamper switch fault confirmed by the carrier.';

const withCheckDigit = (body: string) => `${body}${iso6346CheckDigit(body)}`;
// The demo journeys' containers (lib/tracking/seed-demo-shipments.ts).
const SEA_UNDER_WAY = withCheckDigit('MSCU765432');
const SEA_ARRIVED = withCheckDigit('TGHU881204');
const ROAD = withCheckDigit('TCNU330917');
const BROKER_CONTAINERS = [newContainer('DLBU'), newContainer('DLBU')];

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let url: (path: string) => string;

beforeAll(async () => {
  page = session.page;
  url = (path) => `${session.clearway.url}${path}`;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  // The server seeds the demo journeys when it starts (prepareDatabase); an e2e template without them
  // gets them here (idempotent).
  await seedDemoShipments();
  const delta = await broker();
  for (const container of BROKER_CONTAINERS) {
    await trackedShipment({ actor: delta, container, input: { representativeEori: 'NL987654321', representationStatus: 'DIRECT' } });
  }
});

afterAll(async () => {
  await disconnectDb();
});

const rows = () => page.getByTestId('shipments-table').locator('tbody tr');
const listed = async () => (await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-container')))).sort();
const row = (container: string) => page.locator(`tr[data-container="${container}"]`);
const positionDots = () => page.getByTestId('map-positions').locator('circle').count();
const firstEvent = () => page.getByTestId('seal-event').first();

describe('shipment tracking in the portal', () => {
  it('shows the trader its shipments, and a journey with its map and timeline', async () => {
    await actAs(TRADER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tracking' }).click();
    await page.waitForURL(url('/tracking'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My shipments');
    expect(await listed()).toEqual(expect.arrayContaining([...BROKER_CONTAINERS, SEA_ARRIVED, SEA_UNDER_WAY]));
    expect(await listed()).not.toContain(ROAD);
    const underWay = row(SEA_UNDER_WAY);
    expect(await underWay.getByTestId('seal-status').textContent()).toContain('Sealed intact');
    expect(await underWay.textContent()).toContain('Shanghai (CNSHA)');
    expect(await underWay.textContent()).toContain('Rotterdam (NLRTM)');
    expect(await underWay.getByRole('link', { name: 'TRACK-SEA-0001' }).getAttribute('href')).toMatch(/^\/declarations\/[0-9a-f-]{36}$/);
    await shot('tracking-list-trader');

    // Filters: nothing of Rotterdam's is suspected; back to all.
    await page.getByRole('navigation', { name: 'Filter by seal status' }).getByRole('link', { name: /Tamper suspected/ }).click();
    await page.waitForURL(/status=TAMPER_SUSPECTED/);
    expect(await page.locator('.empty').textContent()).toContain('No shipment matches these filters.');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL(url('/tracking'));

    // Arrived: customs opened the container at Rotterdam (authorized: a hollow red mark, no alert) and resealed it.
    await row(SEA_ARRIVED).getByRole('link', { name: SEA_ARRIVED }).click();
    await page.waitForURL(url(`/tracking/${SEA_ARRIVED}`));
    expect(await page.getByTestId('map-breaches').locator('.map-breach:not(.map-breach-alert)').count()).toBe(1);
    expect(await page.getByTestId('seal-event').filter({ hasText: 'Opened' }).textContent()).toContain('Customs');
    expect(await page.getByTestId('seals').textContent()).toContain('NLCUS204417');
    await shot('tracking-sea-arrived');
    await page.getByRole('link', { name: 'Tracking', exact: true }).first().click();
    await page.waitForURL(url('/tracking'));

    await row(SEA_UNDER_WAY).getByRole('link', { name: SEA_UNDER_WAY }).click();
    await page.waitForURL(url(`/tracking/${SEA_UNDER_WAY}`));
    expect(await page.getByTestId('shipment-status').getAttribute('data-status')).toBe('SEALED_INTACT');
    const map = page.getByRole('img', { name: /^Map of container/ });
    expect(await map.getAttribute('aria-label')).toContain('Planned route Shanghai → Singapore → Colombo → Suez → Port Said → Algeciras → Rotterdam; authorized opening at Antwerp.');
    expect(await positionDots()).toBeGreaterThan(30);
    expect(await page.getByTestId('map-last-position').count()).toBe(1);
    expect(await page.getByTestId('map-planned-route').count()).toBe(1);
    expect(await page.getByTestId('map-areas').locator('path').count()).toBe(2);
    // Seals: the mechanical seal and the e-seal with its manufacturer.
    const seals = await page.getByTestId('seals').textContent();
    expect(seals).toContain('CN7788990');
    expect(seals).toContain('ES0048812 by TYDEN');
    // The timeline, newest first, in pages of 20: local time at the event's offset, and UTC.
    const events = page.getByTestId('seal-event');
    expect(await events.count()).toBe(20);
    // (A position report with the seal state CLOSED is a seal verification.)
    expect(await firstEvent().textContent()).toMatch(/^Seal verified\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M UTC.*e-seal TYDEN:ES0048812/);
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).count()).toBe(1);
    expect(await page.getByTestId('alerts').textContent()).toContain('No alert');
    await shot('tracking-sea-under-way');
  });

  it('shows an event recorded while the page is open within seconds', async () => {
    await expect.poll(() => page.getByTestId('live').textContent()).toMatch(/^●?Live · updated \d\d:\d\d:\d\d UTC$/);
    const dotsBefore = await positionDots();
    await recordSealEvents({
      actor: await gateway(),
      events: [
        {
          containerNumber: SEA_UNDER_WAY,
          kind: 'POSITION',
          eventTime: new Date(Date.now() - 60_000).toISOString(),
          timeZoneOffset: '+04:00',
          latitude: 37.4321,
          longitude: 4.5678,
          eSeal: { manufacturer: 'TYDEN', serial: 'ES0048812' },
          batteryPercent: 37,
        },
      ],
    });
    await expect.poll(() => firstEvent().textContent(), { timeout: 10_000, interval: 250 }).toContain('37.4321° N, 4.5678° E');
    expect(await firstEvent().textContent()).toContain('37 %');
    expect(await firstEvent().textContent()).toContain('(UTC+04:00)');
    expect(await positionDots()).toBe(dotsBefore + 1);
    expect(await page.getByTestId('last-position').textContent()).toContain('37.4321° N, 4.5678° E');
    await shot('tracking-live-update');
  });

  it('shows the trader of the tampered journey the alert, and none of Rotterdam’s shipments', async () => {
    await actAs(KAMPALA);
    await page.goto(url('/tracking'));
    expect(await listed()).toEqual([ROAD]);
    expect(await row(ROAD).getByTestId('seal-status').textContent()).toBe('!Tamper suspected');
    expect(await row(ROAD).getByTestId('open-alerts').textContent()).toBe('1 open alert');
    await page.goto(url(`/tracking/${SEA_UNDER_WAY}`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');

    await page.goto(url('/tracking'));
    await row(ROAD).getByRole('link', { name: ROAD }).click();
    await page.waitForURL(url(`/tracking/${ROAD}`));
    expect(await page.getByTestId('seal-status').textContent()).toContain('Tamper suspected');
    expect(await page.getByTestId('alert-summary').textContent()).toContain('An alert is open: tampering.');
    const alert = page.getByTestId('alert');
    expect(await alert.count()).toBe(1);
    expect(await alert.getAttribute('data-alert-kind')).toBe('TAMPER');
    expect(await alert.textContent()).toContain('Not acknowledged yet');
    expect(await page.getByTestId('acknowledge-form').count()).toBe(0);
    expect(await page.getByTestId('map-breaches').locator('.map-breach-alert').count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Map of container/ }).getAttribute('aria-label')).toContain('1 opening or tamper event marked in red, 1 with an alert.');
    expect(await page.getByTestId('seal-timeline').locator('tr[data-kind="TAMPER"]').count()).toBe(1);
    expect(await page.getByTestId('seal-timeline').locator('tr.event-alert-row').textContent()).toMatch(/^Alert: Tampering\. Container TCNU3309175: the seal reported tampering/);
    await shot('tracking-road-tampered');
  });

  it('shows the officer the seal alert on the declaration, and lets it be acknowledged with a note without JavaScript', async () => {
    await actAs(OFFICER);
    await page.goto(url(`/tracking/${ROAD}`));
    const reason = (await page.getByTestId('alert').locator('.alert-reason').textContent())!;
    expect(reason.length).toBeGreaterThan(10);
    await page.getByRole('link', { name: 'TRACK-ROAD-0001' }).first().click();
    await page.waitForURL(/\/declarations\/[0-9a-f-]{36}$/);
    const shipments = page.getByTestId('shipments');
    expect(await shipments.getByTestId('seal-status').textContent()).toContain('Tamper suspected');
    expect(await shipments.getByTestId('shipment-alerts').textContent()).toContain(reason);
    expect(await shipments.getByRole('link', { name: `Track container ${ROAD}` }).getAttribute('href')).toBe(`/tracking/${ROAD}`);
    await shot('tracking-declaration-shipments-officer');

    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(await session.cookiesFor(OFFICER));
      const plain = await context.newPage();
      await plain.goto(url(`/tracking/${ROAD}`));
      expect(await plain.getByTestId('live').textContent()).toMatch(/^Updated \d\d:\d\d:\d\d UTC$/);
      const form = plain.getByTestId('acknowledge-form');
      await form.getByLabel('Acknowledgement note').fill(NOTE);
      await form.getByRole('button', { name: 'Acknowledge' }).click();
      await plain.waitForURL(/done=acknowledged/);
      expect(await plain.getByTestId('done').textContent()).toContain('The alert was acknowledged');
      const ack = plain.getByTestId('acknowledgement');
      expect(await ack.textContent()).toContain(`by ${OFFICER}`);
      expect(await ack.textContent()).toContain(NOTE);
      expect(await plain.getByTestId('acknowledge-form').count()).toBe(0);
      // Acknowledging does not clear suspicion: only a resealing by customs does.
      expect(await plain.getByTestId('seal-status').textContent()).toContain('Tamper suspected');
      await shot('tracking-acknowledged-no-js', plain);
    } finally {
      await context.close();
    }

    await page.goto(url('/tracking?alerts=open'));
    expect(await page.locator('.empty').textContent()).toContain('No shipment matches these filters.');
  });

  it('shows the broker its client’s shipments in one list', async () => {
    await actAs(BROKER);
    await page.goto(url('/tracking'));
    expect(await listed()).toEqual(expect.arrayContaining(BROKER_CONTAINERS));
    expect(await listed()).not.toContain(ROAD);
    for (const container of BROKER_CONTAINERS) expect(await row(container).getByTestId('seal-status').textContent()).toContain('Sealed intact');
    await shot('tracking-list-broker');
  });
});
