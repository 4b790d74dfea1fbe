// The X-ray scan pages in the browser, on the server as `npm start` runs it (issue 17): a station posts
// a synthetic scan with a planted concealment (POST /api/scans); the server's own worker makes the
// tiles; the image analyst finds it in the queue, claims it from the list, sees the deep-zoom image,
// draws a region (and is told, next to the box, when one lies outside the image), decides SUSPECT and
// sees the declaration sent to physical inspection; the declaration shows Under control; the officer
// records the inspection; the demo arrival scan shows what changed since departure. axe finds no violation on the queue and the viewer.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { disconnectDb, getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { trackedShipment } from '../tracking/fixtures';
import { newStation, postScan, scanMetadata, syntheticImage } from '../support/scans';
import { expectNoAxeViolations } from './expect-no-axe-violations';
import { openPortalSession } from './portal-session';

const ANALYST = 'imaging@customs.example';
const OFFICER = 'officer@customs.example';

const session = openPortalSession();
const { actAs, shot } = session;
let page: Page;
let url: (path: string) => string;
let scanId: string;
let declarationId: string;
let containerNumber: string;
/** The posted image's 16-bit samples (600 × 200), to choose a window around a known sample. */
let samples: Uint16Array;

beforeAll(async () => {
  page = session.page;
  page.setDefaultTimeout(30_000);
  url = (path) => `${session.clearway.url}${path}`;
  process.env.DATABASE_URL = session.databaseUrl;
  resetEnvCache();
  const station = await newStation();
  const shipment = await trackedShipment();
  declarationId = shipment.declarationId;
  containerNumber = shipment.containerNumber;
  const { bytes, image } = syntheticImage('png', { concealment: { x: 200, y: 160, width: 30, height: 8 } });
  samples = image.pixels as Uint16Array;
  const atr = { atr: [{ part: 'top', label: 'CONCEALMENT_IN_STRUCTURE', confidence: 0.82, x: 195, y: 155, width: 40, height: 16 }] };
  const posted = await postScan(session.clearway.url, station.token, scanMetadata(station.code, containerNumber, atr), { top: bytes });
  expect(posted.status, JSON.stringify(posted.json)).toBe(201);
  scanId = posted.json.id;
  // The server's worker makes the tiles (lib/scans/process-scan-images-task.ts); a slow machine may take a while.
  const until = Date.now() + 120_000;
  let processing = 'PENDING';
  while (processing === 'PENDING' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    processing = (await getPool().query(`SELECT processing::text AS p FROM scan WHERE id = $1`, [scanId])).rows[0].p;
  }
  expect(processing).toBe('DONE');
}, 300_000);

afterAll(async () => {
  await disconnectDb();
});

const queueRow = () => page.getByTestId('scan-queue').locator(`tr[data-scan="${scanId}"]`);

describe('the image analyst', () => {
  it('finds the scan in the queue, unclaimed, within the SLA', async () => {
    await actAs(ANALYST);
    await page.getByRole('link', { name: 'X-ray scans' }).click();
    await page.waitForURL(url('/scans'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('X-ray scans awaiting analysis');
    await queueRow().waitFor();
    expect(await queueRow().getByTestId('claimed-by').textContent()).toBe('Nobody');
    expect(await queueRow().textContent()).toContain('left');
    expect(await page.getByTestId('queue-summary').textContent()).toMatch(/scans? awaits? analysis.*60-minute/);
    // Filtering by another container empties the list, with the way back.
    await page.getByLabel('Container').fill('MSCU1234565');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((u) => u.search.includes('container=MSCU1234565'));
    expect(await page.getByText('No scan in the queue matches these filters.').count()).toBe(1);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await queueRow().waitFor();
    await expectNoAxeViolations(page, 'the scan queue');
    await shot('scans-queue');
  });

  it('claims it from the list and sees the deep-zoom image with the scanner’s region and the declared goods', async () => {
    await queueRow().getByRole('button', { name: `Claim the scan of ${containerNumber}` }).click();
    await page.waitForURL(url(`/scans/${scanId}`));
    expect(await page.getByTestId('scan-claim').textContent()).toContain('You hold this scan');
    const viewport = page.getByTestId('scan-viewport');
    await viewport.waitFor();
    // Every tile of the level shown has loaded (a tile that is not served would be a broken image).
    expect(await viewport.locator('img.scan-tile').count()).toBeGreaterThan(0);
    await expect
      .poll(() => viewport.locator('img.scan-tile').evaluateAll((imgs) => (imgs as HTMLImageElement[]).every((i) => i.complete && i.naturalWidth > 0)), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByTestId('scan-overlay').locator('rect[data-source="SCANNER"]').count()).toBe(1);
    expect(await page.getByTestId('scan-goods').locator('tbody tr').count()).toBeGreaterThan(0);

    // Another window preset serves its own tiles.
    await page.getByRole('navigation', { name: 'Window' }).getByRole('link', { name: 'High density (metal)' }).click();
    await page.waitForURL((u) => u.search.includes('preset=high-density'));
    expect(await viewport.locator('img.scan-tile').first().getAttribute('src')).toContain('/high-density_files/');
    await expectNoAxeViolations(page, 'the scan viewer');
    await shot('scans-viewer');
  });

  it('sets a free window and a colour map: the tiles are rendered from the 16-bit samples at that window, and it is said in words', async () => {
    const viewport = page.getByTestId('scan-viewport');
    const first = viewport.locator('img.scan-tile').first();
    // The first tile (level at full resolution for a 600 px image) at image pixel (128, 100): its RGB.
    expect(await first.getAttribute('data-tile')).toMatch(/\/0_0$/);
    const pixel = () =>
      first.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return [...g.getImageData(128, 100, 1, 1).data.slice(0, 3)];
      });
    const before = await pixel();
    // A window 4,000 wide whose lower edge lies 1,000 below the sample there: that pixel shows a quarter grey (64).
    const sample = samples[100 * 600 + 128]!;
    const centre = sample + 1000;
    const form = page.getByTestId('window-form');
    await form.getByLabel('Window centre', { exact: true }).fill(String(centre));
    await form.getByLabel('Window width', { exact: true }).fill('4000');
    await expect.poll(() => first.getAttribute('src')).toContain(`/window_files/`);
    expect(await first.getAttribute('src')).toContain(`wc=${centre}&ww=4000`);
    const windowed = await pixel();
    expect(windowed, `before ${before}`).not.toEqual(before);
    for (const c of windowed) expect(Math.abs(c - 64), `windowed ${windowed}`).toBeLessThanOrEqual(6);
    expect(await page.getByTestId('window-announcement').textContent()).toBe(`Showing window centre ${centre}, width 4000 (samples ${centre - 2000} to ${centre + 2000}) in Grey.`);
    // The slider moves with the number and works from the keyboard.
    const slider = form.getByRole('slider', { name: 'Window width slider' });
    expect(await slider.inputValue()).toBe('4000');

    // Hot at a quarter: dark red (191, 0, 0); the colour map is said too, beside its ramp.
    await form.getByLabel('Colour map').selectOption('hot');
    await expect.poll(() => first.getAttribute('src')).toContain('map=hot');
    const hot = await pixel();
    expect(Math.abs(hot[0]! - 191), `hot ${hot}`).toBeLessThanOrEqual(20);
    expect(hot[1]!, `hot ${hot}`).toBeLessThanOrEqual(25);
    expect(await page.getByTestId('window-announcement').textContent()).toContain('in Hot (black, red, yellow, white).');
    await page.getByTestId('window-ramp').waitFor();
    await expectNoAxeViolations(page, 'the scan viewer with a free window in colour');
    await shot('scans-viewer-window');

    // The address kept the window: a reload lays the tiles out at it server-side.
    await expect.poll(() => page.url()).toContain('map=hot');
    await page.reload();
    expect(await first.getAttribute('src')).toContain(`/window_files/`);
    expect(await form.getByLabel('Window centre', { exact: true }).inputValue()).toBe(String(centre));
    // Keyboard: the width slider one step right re-renders.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => first.getAttribute('src')).toContain('ww=4001');
    // A window that does not fit a 16-bit image is a 400 naming the field.
    const bad = await page.request.get(url(`${(await first.getAttribute('src'))!.replace(/ww=\d+/, 'ww=0')}`));
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('(ww)');
    // Back to the presets in grey.
    await form.getByLabel('Colour map').selectOption('grey');
    await page.getByRole('navigation', { name: 'Window' }).getByRole('link', { name: 'Standard' }).click();
    await page.waitForURL((u) => u.search.includes('preset=standard') && !u.search.includes('wc='));
  });

  it('draws a region with the mouse; a box outside the image is refused next to the box', async () => {
    const surface = page.getByTestId('scan-surface');
    const box = (await surface.boundingBox())!;
    const scale = box.width / 600;
    await page.mouse.move(box.x + 198 * scale, box.y + 158 * scale);
    await page.mouse.down();
    await page.mouse.move(box.x + 215 * scale, box.y + 163 * scale, { steps: 4 });
    await page.mouse.move(box.x + 232 * scale, box.y + 170 * scale, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('drawn-box').waitFor();
    const x = Number(await page.locator('#region-x').inputValue());
    const width = Number(await page.locator('#region-width').inputValue());
    expect(Math.abs(x - 198)).toBeLessThanOrEqual(2);
    expect(Math.abs(width - 34)).toBeLessThanOrEqual(2);

    // First, a box that runs off the right edge.
    const form = page.getByTestId('region-form');
    await form.getByLabel('What it shows').selectOption('CONCEALMENT_IN_STRUCTURE');
    await page.locator('#region-x').fill('590');
    await page.locator('#region-width').fill('40');
    await form.getByRole('button', { name: 'Add region' }).click();
    await page.locator('#region-box-error').waitFor();
    expect(await page.locator('#region-box-error').textContent()).toContain('lies outside image 1 (600 × 200 pixels)');

    await page.locator('#region-x').fill('198');
    await page.locator('#region-width').fill('34');
    await page.getByLabel('Note on the region').fill('Dense block in the floor cross members');
    await form.getByRole('button', { name: 'Add region' }).click();
    await page.getByTestId('scan-regions').locator('tr[data-source="ANALYST"]').waitFor();
    expect(await page.getByTestId('scan-overlay').locator('rect[data-source="ANALYST"]').count()).toBe(1);
  });

  it('decides SUSPECT and sees the declaration sent to physical inspection', async () => {
    const form = page.getByTestId('verdict-form');
    await form.getByLabel('Suspect').check();
    await form.getByLabel('Note for the verdict').fill('Concealment in the floor');
    await form.getByRole('button', { name: 'Give verdict' }).click();
    await page.getByTestId('scan-verdict').waitFor();
    expect(await page.getByTestId('scan-status').getAttribute('data-status')).toBe('SUSPECT');
    const sent = page.getByTestId('sent-to-inspection');
    expect(await sent.textContent()).toContain('The declaration went to physical inspection');
    expect(await sent.getByTestId('status-badge').getAttribute('data-status')).toBe('UNDER_CONTROL');
    expect(await page.getByTestId('verdict-form').count()).toBe(0);
    // Off the queue.
    await page.goto(url('/scans'));
    expect(await page.locator(`tr[data-scan="${scanId}"]`).count()).toBe(0);
  });

  it('sees, on the demo arrival scan, what changed since the departure scan outlined on the image', async () => {
    const { rows } = await getPool().query(`SELECT s.id FROM scan s JOIN scan_station st ON st.id = s.station_id WHERE st.code = 'DEMO-NLRTM-PORTAL-1'`);
    expect(rows).toHaveLength(1);
    await page.goto(url(`/scans/${rows[0].id}`));
    const comparison = page.getByTestId('scan-comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('This container was scanned before');
    expect(await comparison.getByTestId('comparison-regions').locator('li').count()).toBeGreaterThan(0);
    // The demo's tiles may still be in the making on a slow machine; the outline needs them.
    for (let i = 0; i < 60 && (await page.getByTestId('scan-viewport').count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    expect(await page.getByTestId('scan-comparison-overlay').locator('rect.region-comparison').count()).toBeGreaterThan(0);
    await shot('scans-comparison');
  });
});

describe('without JavaScript', () => {
  it('a second analyst claims a demo scan from the list and marks a region with the numeric fields', async () => {
    const { rows } = await getPool().query(`SELECT s.id, s.container_number FROM scan s JOIN scan_station st ON st.id = s.station_id WHERE st.code = 'DEMO-KEMBA-MOBILE-1'`);
    const demo = { id: rows[0].id as string, container: (rows[0].container_number as string).trim() };
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(await session.cookiesFor('imaging2@customs.example'));
      const plain = await context.newPage();
      plain.setDefaultTimeout(30_000);
      await plain.goto(url('/scans'));
      await Promise.all([plain.waitForURL(url(`/scans/${demo.id}`)), plain.getByRole('button', { name: `Claim the scan of ${demo.container}` }).click()]);
      expect(await plain.getByTestId('scan-claim').textContent()).toContain('You hold this scan');
      const form = plain.getByTestId('region-form');
      await form.getByLabel('What it shows').selectOption('ORGANIC_MASS');
      for (const [field, value] of [['Left (x)', '100'], ['Top (y)', '60'], ['Width', '50'], ['Height', '40']] as const) await form.getByLabel(field, { exact: true }).fill(value);
      await form.getByRole('button', { name: 'Add region' }).click();
      await plain.getByTestId('scan-regions').locator('tr[data-source="ANALYST"][data-label="ORGANIC_MASS"]').waitFor();
      // The window form works without JavaScript too: a GET that lays the tiles out at that window and map.
      if ((await plain.getByTestId('scan-viewport').count()) > 0) {
        const windowForm = plain.getByTestId('window-form');
        await windowForm.getByLabel('Window centre', { exact: true }).fill('20000');
        await windowForm.getByLabel('Window width', { exact: true }).fill('30000');
        await windowForm.getByLabel('Colour map').selectOption('viridis');
        await Promise.all([plain.waitForURL((u) => u.search.includes('wc=20000')), windowForm.getByRole('button', { name: 'Apply window' }).click()]);
        expect(await plain.getByTestId('scan-viewport').locator('img.scan-tile').first().getAttribute('src')).toMatch(/\/window_files\/.*wc=20000&ww=30000&map=viridis/);
        expect(await plain.getByTestId('window-announcement').textContent()).toContain('width 30000');
      }
      // The first analyst now sees who holds it.
      await page.goto(url('/scans'));
      expect(await page.getByTestId('scan-queue').locator(`tr[data-scan="${demo.id}"]`).getByTestId('claimed-by').textContent()).toBe('Analyst Tomas Berg');
    } finally {
      await context.close();
    }
  });
});

describe('the customs officer', () => {
  it('sees the declaration under control, finds the suspect scan and records the physical inspection', async () => {
    await actAs(OFFICER);
    await page.goto(url(`/declarations/${declarationId}`));
    expect(await page.getByTestId('status-badge').first().getAttribute('data-status')).toBe('UNDER_CONTROL');

    await page.getByRole('link', { name: 'X-ray scans' }).click();
    await page.waitForURL(url('/scans'));
    const row = page.getByTestId('scan-inspections').locator(`tr[data-scan="${scanId}"]`);
    expect(await row.textContent()).toContain('Concealment in structure');
    await row.getByRole('link', { name: containerNumber }).click();
    await page.waitForURL(url(`/scans/${scanId}`));
    await page.getByLabel('What the inspection found').fill('Floor opened: block of tobacco, seized.');
    await page.getByRole('button', { name: 'Record physical inspection' }).click();
    await page.getByTestId('inspection-recorded').waitFor();
    expect(await page.getByTestId('inspection-recorded').textContent()).toContain('Floor opened');
    const { rows } = await getPool().query(`SELECT inspected_at FROM scan_verdict WHERE scan_id = $1`, [scanId]);
    expect(rows[0].inspected_at).not.toBeNull();
    await page.goto(url('/scans'));
    expect(await page.locator(`[data-testid="scan-inspections"] tr[data-scan="${scanId}"]`).count()).toBe(0);
  });
});
