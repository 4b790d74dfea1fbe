// First tile in the browser (issue 17's goal: "a 50 MB scan opens in the browser in under a second";
// its benchmark goal: first tile < 1 s). One 16-bit scan of --mb MB (20 by default, 2.5:1 like a
// container scan) is posted to POST /api/scans of the portal as `npm start` serves it, the server's own
// worker makes its tiles, then Debian's Chromium, signed in as the demo image analyst, opens the viewer
// --opens times, each in a fresh browser context (nothing cached). Timed from the navigation's start to
// the end of the first tile's response (Resource Timing), and to the viewer's HTML (its first byte and its
// last: the page streams), and when the browser asked for the first tile — where the time goes:
//   - product: GET /scans/{id} — the page (session, the scan, the declaration beside it) and its tiles;
//   - baseline: the same first tile opened on its own as the page (the tile route alone, same server,
//     same session), in the same rounds, alternating.
// Fails when no tile loaded. Builds the portal first when its sources changed since the last build.
//
//   npm run bench:scan-viewer [-- --opens 10 --mb 20]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import os from 'node:os';

import pg from 'pg';
import { chromium, type Browser, type Cookie } from 'playwright-core';

import { encodeGreyImage } from '../lib/scans/encode-grey-image';
import { generateSyntheticScan } from '../lib/scans/generate-synthetic-scan';
import { buildIsCurrent, recordBuild } from '../scripts/build-hash';
import { startClearway } from '../test/e2e/clearway-process';
import { postScan } from '../test/support/scans';
import { describeMachine, latencies, ms, printRatio, requireMeasured, runBench, sleep } from './support';
import { prepareScanSubject } from './support/scan-subject';

const { values } = parseArgs({ options: { opens: { type: 'string', default: '10' }, mb: { type: 'string', default: '20' } } });
const OPENS = Number(values.opens);
const MB = Number(values.mb);
if (!Number.isInteger(OPENS) || OPENS < 1) throw new Error('--opens must be a positive integer');
if (!Number.isFinite(MB) || MB <= 0) throw new Error('--mb must be positive');
const GOAL_MS = 1000;
const ANALYST = 'imaging@customs.example';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A tile of the viewer: any image route of the scan API but the thumbnail and the descriptor. */
const TILE = /\/api\/scans\/images\/[0-9a-f-]{36}\/(?!thumbnail)[^?]*\/\d+\/\d+_\d+\.\w+/;

async function signIn(browser: Browser, baseUrl: string): Promise<Cookie[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin?callbackUrl=%2Fscans`);
  await page.getByLabel('Email').fill(ANALYST);
  await page.getByLabel('Password').fill('clearway-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/scans', { timeout: 60_000 });
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

interface Opened {
  /** The first tile's last byte (the document's, for a tile opened alone). */
  firstTile: number;
  /** The document's first byte and its last. */
  htmlFirstByte: number;
  html: number;
  /** When the first tile was asked for. */
  tileAsked: number;
}

/** Opens `url` in a fresh context; ms from the navigation's start (see Opened). */
async function open(browser: Browser, cookies: Cookie[], url: string, alone: boolean): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return await page.evaluate(
      ({ source, alone }) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        if (alone) return { firstTile: nav.responseEnd, htmlFirstByte: nav.responseStart, html: nav.responseEnd, tileAsked: nav.requestStart };
        const tiles = performance.getEntriesByType('resource').filter((e) => new RegExp(source).test(e.name)) as PerformanceResourceTiming[];
        return {
          firstTile: tiles.length ? Math.min(...tiles.map((t) => t.responseEnd)) : Number.NaN,
          htmlFirstByte: nav.responseStart,
          html: nav.responseEnd,
          tileAsked: tiles.length ? Math.min(...tiles.map((t) => t.startTime)) : Number.NaN,
        };
      },
      { source: TILE.source, alone },
    );
  } finally {
    await context.close();
  }
}

runBench({ env: { SEED_DEMO: 'true' }, prepare: { demoDeclarations: false } }, async ({ dir, databaseUrl, cleanup }) => {
  const { containerNumber, token } = await prepareScanSubject({ lrn: 'BENCH-VIEWER', containerBody: 'BNCU000002', station: { code: 'BENCH-VIEWER', name: 'Bench viewer portal' } });

  // The portal's build first, with no start timeout over it (minutes on a loaded machine).
  if (!(await buildIsCurrent())) {
    console.error('building the portal (its sources changed since the last build)…');
    if (spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('`next build` failed');
    await recordBuild();
  }
  console.error('starting the portal…');
  // LOG_LEVEL info: the start is recognised by its "Clearway is ready" line.
  const clearway = await startClearway({ DATABASE_URL: databaseUrl, DATA_DIR: dir, LOG_LEVEL: 'info', SEED_DEMO: 'true', SCAN_MAX_BYTES: String(Math.ceil(MB * 2 * 1024 * 1024)) });
  cleanup(() => clearway.stop());

  const pixels = Math.round((MB * 1024 * 1024) / 2);
  const height = Math.round(Math.sqrt(pixels / 2.5));
  const width = Math.floor(pixels / height);
  const image = encodeGreyImage(generateSyntheticScan({ width, height, concealment: { x: Math.round(width * 0.4), y: Math.round(height * 0.45), width: 120, height: 40 } }), 'tiff');
  const metadata = { containerNumber, stationName: 'BENCH-VIEWER', acquisitionDateTime: new Date().toISOString(), manufacturerModelName: 'Synthetic 6 MeV', energyKeV: 6000, images: [{ part: 'top', view: 'TOP' }] };
  const posted = await postScan(clearway.url, token, metadata, { top: image });
  if (posted.status !== 201) throw new Error(`POST /api/scans answered ${posted.status}: ${JSON.stringify(posted.json)}`);
  const scanId = posted.json.id as string;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  cleanup(() => pool.end());
  const until = Date.now() + 600_000;
  let processing = 'PENDING';
  const tilingStarted = performance.now();
  while (processing === 'PENDING' && Date.now() < until) {
    await sleep(250);
    processing = (await pool.query(`SELECT processing::text AS p FROM scan WHERE id = $1`, [scanId])).rows[0].p;
  }
  if (processing !== 'DONE') throw new Error(`the scan's tiles are ${processing} after 10 minutes`);
  const tilingMs = performance.now() - tilingStarted;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  cleanup(() => browser.close());
  const cookies = await signIn(browser, clearway.url);
  const viewer = `${clearway.url}/scans/${scanId}`;
  // Warm the server (JIT, plans, the page's code) and learn the first tile's URL for the baseline.
  const warm = await browser.newContext();
  await warm.addCookies(cookies);
  const warmPage = await warm.newPage();
  const firstTile = new Promise<string>((resolve) => warmPage.on('response', (r) => TILE.test(r.url()) && resolve(r.url())));
  await warmPage.goto(viewer, { waitUntil: 'load', timeout: 120_000 });
  const tileUrl = await Promise.race([firstTile, sleep(30_000).then(() => '')]);
  await warm.close();
  if (!tileUrl) throw new Error('the viewer loaded no tile (is the scan tiled? does the tile pattern still match the viewer?)');

  const product: number[] = [];
  const html: number[] = [];
  const htmlFirstByte: number[] = [];
  const tileAsked: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    for (const which of i % 2 ? ['baseline', 'product'] : ['product', 'baseline']) {
      if (which === 'product') {
        const t = await open(browser, cookies, viewer, false);
        if (Number.isFinite(t.firstTile)) product.push(t.firstTile);
        html.push(t.html);
        htmlFirstByte.push(t.htmlFirstByte);
        if (Number.isFinite(t.tileAsked)) tileAsked.push(t.tileAsked);
      } else {
        baseline.push((await open(browser, cookies, tileUrl, true)).firstTile);
      }
    }
  }
  requireMeasured(product.length, 'viewer opens with a tile');
  requireMeasured(baseline.length, 'tiles opened alone');
  const p = latencies(product);
  const h = latencies(html);
  const hf = latencies(htmlFirstByte);
  const ta = latencies(tileAsked);
  const b = latencies(baseline);
  console.log(`\n${MB} MB 16-bit scan (${width} × ${height}); tiles made by the server's worker in ${(tilingMs / 1000).toFixed(1)} s; ${OPENS} opens each, fresh browser contexts; load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`  product: viewer page, first tile received        p50 ${ms(p.p50)}  p99 ${ms(p.p99)}`);
  console.log(`    where it went (p50): the page's first byte ${ms(hf.p50)}, first tile asked for ${ms(ta.p50)}, the page's last byte ${ms(h.p50)}`);
  console.log(`  baseline: the same tile opened alone             p50 ${ms(b.p50)}  p99 ${ms(b.p99)}`);
  printRatio('first tile, viewer / tile alone, p50', p.p50, b.p50, { higherIsBetter: false });
  console.log(`  goal first tile < ${GOAL_MS} ms: ${p.p99 < GOAL_MS ? 'met' : 'NOT met'} (p99)`);
  console.log(`\n${describeMachine()}`);
});
