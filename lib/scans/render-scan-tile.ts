// One viewer tile at a free window/level and/or a pseudo-colour map, rendered on demand from a stored
// tile: the lossless raw tile (the image's own 8/16-bit samples, cut-raw-scan-tiles.ts) for a free
// window, or a preset's 8-bit tile for a preset shown in colour. A tile is ~255 × 255 samples, so this
// costs milliseconds, and the answer is cached by the browser under its ETag (the source tile's hash
// and the window), so panning back or returning to a window costs nothing. Colour tiles keep full
// chroma (4:4:4): JPEG's default halving would smear a colour map's hues across edges.
import { buffer } from 'node:stream/consumers';
import type { Readable } from 'node:stream';

import sharp from 'sharp';

import { applyScanWindow, type ScanColourMap, type ScanWindow } from './apply-scan-window';
import { decodeScanImage } from './decode-scan-image';

export async function renderScanTile(options: { source: Readable; window: ScanWindow | null; map: ScanColourMap }): Promise<Buffer> {
  const bytes = await buffer(options.source);
  let samples: Uint8Array | Uint16Array;
  let bits: 8 | 16;
  let width: number;
  let height: number;
  if (options.window) {
    ({ pixels: samples, bits, width, height } = await decodeScanImage(bytes, 'tile'));
  } else {
    const { data, info } = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    ({ width, height } = info);
    samples = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    bits = 8;
  }
  const { channels, data } = applyScanWindow(samples, bits, options.window, options.map);
  return sharp(data, { raw: { width, height, channels } }).jpeg({ quality: 90, chromaSubsampling: channels === 3 ? '4:4:4' : undefined }).toBuffer();
}
