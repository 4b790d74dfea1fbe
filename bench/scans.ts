// How fast does Clearway take in X-ray scans, and how long does tiling take?
//   (a) product: ingestScan in-process (what POST /api/scans calls after reading the parts): decode the
//       whole 16-bit image (truncation check), store it in the blob store, and in one transaction the
//       scan, image, ledger anchors, audit row and tiling job — N scans of one --mb MB uncompressed
//       16-bit TIFF each (every scan's bytes differ in one pixel, so nothing deduplicates);
//   (b) baseline: the same bytes written to the same blob store (getBlobStore().put), nothing else;
//   (c) tiles: processScanImages (the job) on --tile scans: thumbnail + DZI tiles at three presets.
// Rounds alternate (a) and (b). On a fresh embedded PostgreSQL in a temporary folder, removed at the end.
// The issue's 1,000-scan run: npm run bench:scans -- --scans 1000 (about 20 GB through the blob store).
//
//   npm run bench:scans [-- --scans 5 --mb 20 --tile 1]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';

import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/database/embedded-postgres';
import { prepareDatabase } from '../lib/database/prepare-database';
import { getBlobStore } from '../lib/documents/get-blob-store';
import { resetEnvCache } from '../lib/env';
import { getLogger } from '../lib/logger';
import { authenticateScanStation } from '../lib/scans/authenticate-scan-station';
import { encodeGreyImage } from '../lib/scans/encode-grey-image';
import { generateSyntheticScan } from '../lib/scans/generate-synthetic-scan';
import { ingestScan } from '../lib/scans/ingest-scan';
import { processScanImages } from '../lib/scans/process-scan-images';
import { prepareScanSubject } from './support/scan-subject';

const { values } = parseArgs({ options: { scans: { type: 'string', default: '5' }, mb: { type: 'string', default: '20' }, tile: { type: 'string', default: '1' } } });
const SCANS = Number(values.scans);
const MB = Number(values.mb);
const TILE = Number(values.tile);
for (const [name, value] of Object.entries({ scans: SCANS, mb: MB })) if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be positive`);

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  process.chdir(path.resolve(import.meta.dirname, '..'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-bench-scans-'));
  Object.assign(process.env, { LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATA_DIR: dir, JOB_CONCURRENCY: '0', SCAN_MAX_BYTES: String(Math.ceil(MB * 2 * 1024 * 1024)) });
  let database: EmbeddedDatabase | undefined;
  let prepared: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  try {
    database = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres'), port: 0, database: 'clearway', persistent: false });
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    prepared = await prepareDatabase({ logger: getLogger(), demoDeclarations: false });

    const { containerNumber, token } = await prepareScanSubject({ lrn: 'BENCH-SCANS', containerBody: 'BNCU000001', station: { code: 'BENCH-PORTAL', name: 'Bench portal' } });
    const station = await authenticateScanStation(`Bearer ${token}`, { id: null, ip: null });

    // One image of --mb MB of 16-bit samples, 2.5:1 like a container scan.
    const pixels = Math.round((MB * 1024 * 1024) / 2);
    const height = Math.round(Math.sqrt(pixels / 2.5));
    const width = Math.floor(pixels / height);
    const template = encodeGreyImage(generateSyntheticScan({ width, height }), 'tiff');
    const variant = (i: number) => {
      const bytes = Buffer.from(template);
      bytes.writeUInt32LE(i + 1, 8); // the first two samples (pixel data starts at byte 8)
      return bytes;
    };
    const metadata = { containerNumber, stationName: 'BENCH-PORTAL', acquisitionDateTime: new Date().toISOString(), manufacturerModelName: 'Synthetic 6 MeV', energyKeV: 6000, images: [{ part: 'top', view: 'TOP' }] };

    const times = { product: 0, baseline: 0 };
    const scanIds: string[] = [];
    for (let i = 0; i < SCANS; i++) {
      for (const path of i % 2 ? (['baseline', 'product'] as const) : (['product', 'baseline'] as const)) {
        const bytes = variant(path === 'product' ? 2 * i : 2 * i + 1);
        const started = performance.now();
        if (path === 'product') scanIds.push((await ingestScan({ station: station.station, actor: station.actor, metadata, images: [{ part: 'top', bytes }] })).id);
        else await getBlobStore().put(Readable.from([bytes]));
        times[path] += performance.now() - started;
      }
    }
    const tileMs: number[] = [];
    for (const id of scanIds.slice(0, TILE)) {
      const started = performance.now();
      await processScanImages(id);
      tileMs.push(performance.now() - started);
    }
    if (!times.product || !times.baseline || scanIds.length !== SCANS) throw new Error('nothing measured');
    const mbOf = template.length / 1024 / 1024;
    const rate = (ms: number) => SCANS / (ms / 1000);
    console.log(`scans: ${SCANS} of ${mbOf.toFixed(1)} MB (${width} × ${height}, 16-bit TIFF); load average ${loadAtStart.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores)`);
    console.log(`product  (ingestScan):        ${rate(times.product).toFixed(2)} scans/s, ${((rate(times.product) * mbOf)).toFixed(1)} MB/s, ${(times.product / SCANS).toFixed(0)} ms/scan`);
    console.log(`baseline (blob store put):    ${rate(times.baseline).toFixed(2)} scans/s, ${((rate(times.baseline) * mbOf)).toFixed(1)} MB/s, ${(times.baseline / SCANS).toFixed(0)} ms/scan`);
    console.log(`ratio product/baseline time:  ${(times.product / times.baseline).toFixed(2)}× (goal ≤ 2×)`);
    if (tileMs.length) console.log(`tiles (processScanImages):    ${tileMs.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} per scan (thumbnail + DZI at 3 presets)`);
  } finally {
    await prepared?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
