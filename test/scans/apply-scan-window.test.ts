// The viewer's free window/level and colour maps (lib/scans/apply-scan-window.ts), and the raw 16-bit
// tiles they are rendered from (lib/scans/cut-raw-scan-tiles.ts): pure functions, no database.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { applyScanWindow } from '../../lib/scans/apply-scan-window';
import { cutRawScanTiles } from '../../lib/scans/cut-raw-scan-tiles';
import { decodeScanImage } from '../../lib/scans/decode-scan-image';
import { levelSize, tilesAt, zoomLevels } from '../../app/scans/[id]/tile-grid';

const grey = (samples: number[], bits: 8 | 16, centre: number, width: number) => [...applyScanWindow(bits === 16 ? Uint16Array.from(samples) : Uint8Array.from(samples), bits, { centre, width }, 'grey').data];

describe('applyScanWindow', () => {
  it('maps centre − width/2 … centre + width/2 of 16-bit samples linearly onto 0–255, clamped outside', () => {
    // Window 30000 ± 1000: 29000 → 0, 30000 → 128 (127.5 rounded), 31000 → 255, beyond clamped.
    expect(grey([0, 29000, 29500, 30000, 31000, 65535], 16, 30000, 2000)).toEqual([0, 0, 64, 128, 255, 255]);
    // Two 16-bit samples that the whole range shows as the same grey are told apart by a narrow window.
    expect(grey([40000, 40100], 16, 32768, 65536)).toEqual([156, 156]);
    expect(grey([40000, 40100], 16, 40050, 200)).toEqual([64, 191]);
  });

  it('works at 8 bits on the same scale', () => {
    expect(grey([0, 100, 128, 156, 255], 8, 128, 56)).toEqual([0, 0, 128, 255, 255]);
  });

  it('inverts, and colours with hot and viridis (RGB)', () => {
    const samples = Uint16Array.from([29000, 30000, 31000]);
    const window = { centre: 30000, width: 2000 };
    expect([...applyScanWindow(samples, 16, window, 'inverted').data]).toEqual([255, 127, 0]);
    const hot = applyScanWindow(samples, 16, window, 'hot');
    expect(hot.channels).toBe(3);
    // Hot: 0 black; 128/255 ≈ 0.502 → red full, green 0.506·255 ≈ 129, blue 0; 255 white.
    expect([...hot.data]).toEqual([0, 0, 0, 255, 129, 0, 255, 255, 255]);
    const viridis = applyScanWindow(samples, 16, window, 'viridis');
    // Viridis' ends are #440154 and #fde725; the middle lies between the 4th and 5th stops (#26828e).
    expect([...viridis.data.subarray(0, 3)]).toEqual([68, 1, 84]);
    expect([...viridis.data.subarray(6, 9)]).toEqual([253, 231, 37]);
    expect([...viridis.data.subarray(3, 6)]).toEqual([38, 130, 142]);
  });

  it('without a window takes the samples as 8-bit grey already windowed (a preset tile in colour)', () => {
    expect([...applyScanWindow(Uint8Array.from([0, 128, 255]), 8, null, 'grey').data]).toEqual([0, 128, 255]);
    expect([...applyScanWindow(Uint8Array.from([0, 255]), 8, null, 'hot').data]).toEqual([0, 0, 0, 255, 255, 255]);
  });
});

describe('cutRawScanTiles', () => {
  it('cuts the DZI grid the viewer lays out, keeping 16-bit samples exact at full resolution', async () => {
    const width = 600;
    const height = 200;
    const pixels = new Uint16Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 65536;
    const tiles = cutRawScanTiles({ width, height, bits: 16, pixels }, 254, 1);
    const geometry = { width, height, tileSize: 254, overlap: 1 };
    const { levels } = zoomLevels(geometry);
    const max = Math.max(...levels.filter((l) => levelSize(geometry, l).scale <= 1));
    for (const level of levels.filter((l) => l <= max)) {
      for (const cell of tilesAt(geometry, level)) {
        const tile = tiles.find((t) => t.level === cell.level && t.col === cell.col && t.row === cell.row);
        expect(tile, `tile ${cell.level}/${cell.col}_${cell.row}`).toBeDefined();
        const meta = await sharp(tile!.png).metadata();
        expect([meta.width, meta.height, meta.depth]).toEqual([cell.width, cell.height, 'ushort']);
      }
    }
    // The full-resolution tile (1, 0) starts one overlap pixel left of 254: its samples are the image's.
    const full = tiles.find((t) => t.level === max && t.col === 1 && t.row === 0)!;
    const decoded = await decodeScanImage(full.png, 'tile');
    expect(decoded.bits).toBe(16);
    expect(decoded.pixels[0]).toBe(pixels[253]);
    expect(decoded.pixels[decoded.width + 5]).toBe(pixels[width + 253 + 5]);
    // One level down: each sample the mean of its 2 × 2 block.
    const half = tiles.find((t) => t.level === max - 1 && t.col === 0 && t.row === 0)!;
    const down = await decodeScanImage(half.png, 'tile');
    expect(down.pixels[0]).toBe(Math.round((pixels[0]! + pixels[1]! + pixels[width]! + pixels[width + 1]!) / 4));
  });
});
