// After ingest (the process-scan-images job): for each image of a scan, a thumbnail and deep-zoom
// tiles (DZI, the layout OpenSeadragon reads) at every window/level preset and of the raw samples, made with sharp (libvips)
// and stored in the blob store like the images, so every process serves them (S3 too). Idempotent: a
// retried job overwrites the rows with the same content-addressed tiles.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import sharp from 'sharp';

import { sqlTransaction } from '../database/sql';
import { getBlobStore } from '../documents/get-blob-store';
import { getPool } from '../db';
import { decodeScanImage } from './decode-scan-image';
import { readBlob } from './read-blob';
import { cutRawScanTiles } from './cut-raw-scan-tiles';
import { applyScanPreset, RAW_TILES, SCAN_PRESET_NAMES } from './scan-presets';

export const TILE_SIZE = 254;
export const TILE_OVERLAP = 1;
export const THUMBNAIL_WIDTH = 320;

export async function processScanImages(scanId: string): Promise<{ images: number; tiles: number }> {
  const { rows: images } = await getPool().query<{ id: string; sha256: string; sequence: number }>(`SELECT id, sha256, sequence FROM scan_image WHERE scan_id = $1::uuid ORDER BY sequence`, [scanId]);
  const store = getBlobStore();
  let tileCount = 0;
  for (const image of images) {
    const decoded = await decodeScanImage(await readBlob(image.sha256), `image ${image.sequence}`);
    const { width, height } = decoded;
    const tiles: { preset: string; level: number; col: number; row: number; sha256: string }[] = [];
    let thumbnail: string | null = null;
    let levels = 0;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clearway-tiles-'));
    try {
      for (const preset of SCAN_PRESET_NAMES) {
        const grey = applyScanPreset(decoded.pixels, decoded.bits, preset);
        const input = () => sharp(grey, { raw: { width, height, channels: 1 }, limitInputPixels: false });
        if (preset === 'standard') {
          const thumb = await input().resize({ width: Math.min(THUMBNAIL_WIDTH, width) }).png().toBuffer();
          thumbnail = (await store.put(Readable.from([thumb]))).sha256;
        }
        const base = path.join(dir, preset);
        await input().jpeg({ quality: 90 }).tile({ size: TILE_SIZE, overlap: TILE_OVERLAP, layout: 'dz' }).toFile(`${base}.dz`);
        const folder = `${base}_files`;
        for (const level of await readdir(folder)) {
          // libvips also writes vips-properties.xml beside the level folders.
          if (!/^\d+$/.test(level)) continue;
          levels = Math.max(levels, Number(level) + 1);
          for (const file of await readdir(path.join(folder, level))) {
            const match = /^(\d+)_(\d+)\.jpeg$/.exec(file);
            if (!match) continue;
            const put = await store.put(Readable.from([await readFile(path.join(folder, level, file))]));
            tiles.push({ preset, level: Number(level), col: Number(match[1]), row: Number(match[2]), sha256: put.sha256 });
          }
        }
      }
      // The samples at their own depth, for free window/level (render-scan-tile.ts renders them on demand).
      for (const raw of cutRawScanTiles(decoded, TILE_SIZE, TILE_OVERLAP)) {
        const put = await store.put(Readable.from([raw.png]));
        tiles.push({ preset: RAW_TILES, level: raw.level, col: raw.col, row: raw.row, sha256: put.sha256 });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await sqlTransaction(async (sql) => {
      await sql(
        `INSERT INTO scan_tile (image_id, preset, level, col, "row", sha256)
         SELECT $1::uuid, t.preset, t.level, t.col, t.row, t.sha256 FROM json_to_recordset($2::json) AS t(preset text, level int, col int, "row" int, sha256 text)
         ON CONFLICT (image_id, preset, level, col, "row") DO UPDATE SET sha256 = EXCLUDED.sha256`,
        [image.id, JSON.stringify(tiles)],
      );
      await sql(`UPDATE scan_image SET thumbnail_sha256 = $2, tile_size = $3, tile_overlap = $4, tile_levels = $5 WHERE id = $1::uuid`, [image.id, thumbnail, TILE_SIZE, TILE_OVERLAP, levels]);
    });
    tileCount += tiles.length;
  }
  await getPool().query(`UPDATE scan SET processing = 'DONE' WHERE id = $1::uuid`, [scanId]);
  return { images: images.length, tiles: tileCount };
}
