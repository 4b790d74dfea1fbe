// The image's own samples cut into the same Deep Zoom grid as the preset tiles (level L = the image
// scaled by 2^(L − ⌈log₂ max side⌉), TileSize squares overlapping by Overlap), each tile a lossless PNG
// of the original depth: 16-bit stays 16-bit. These "raw" tiles are what the viewer's free window/level
// renders from (render-scan-tile.ts); libvips' dzsave cannot write them, as it saves PNG tiles as 8-bit
// sRGB, so the pyramid is made here: each level the 2 × 2 mean of the one above (sizes rounded up, an
// edge pixel averaging what it has).
import type { DecodedScanImage } from './decode-scan-image';
import { encodeGreyImage } from './encode-grey-image';

export interface RawScanTile {
  level: number;
  col: number;
  row: number;
  png: Buffer;
}

export function cutRawScanTiles(image: Pick<DecodedScanImage, 'width' | 'height' | 'bits' | 'pixels'>, tileSize: number, overlap: number): RawScanTile[] {
  const { bits } = image;
  const make = (n: number) => (bits === 16 ? new Uint16Array(n) : new Uint8Array(n));
  const maxLevel = Math.ceil(Math.log2(Math.max(image.width, image.height, 1)));
  let level = { width: image.width, height: image.height, pixels: image.pixels };
  const tiles: RawScanTile[] = [];
  for (let l = maxLevel; l >= 0; l--) {
    const { width, height, pixels } = level;
    for (let row = 0; row * tileSize < height; row++) {
      for (let col = 0; col * tileSize < width; col++) {
        const left = Math.max(0, col * tileSize - overlap);
        const top = Math.max(0, row * tileSize - overlap);
        const w = Math.min(width, (col + 1) * tileSize + overlap) - left;
        const h = Math.min(height, (row + 1) * tileSize + overlap) - top;
        const tile = make(w * h);
        for (let y = 0; y < h; y++) tile.set(pixels.subarray((top + y) * width + left, (top + y) * width + left + w), y * w);
        tiles.push({ level: l, col, row, png: encodeGreyImage({ width: w, height: h, bits, pixels: tile }, 'png') });
      }
    }
    if (l === 0) break;
    const nw = Math.ceil(width / 2);
    const nh = Math.ceil(height / 2);
    const next = make(nw * nh);
    for (let y = 0; y < nh; y++) {
      for (let x = 0; x < nw; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = 0; dy < 2 && 2 * y + dy < height; dy++) {
          for (let dx = 0; dx < 2 && 2 * x + dx < width; dx++) {
            sum += pixels[(2 * y + dy) * width + 2 * x + dx]!;
            n++;
          }
        }
        next[y * nw + x] = Math.round(sum / n);
      }
    }
    level = { width: nw, height: nh, pixels: next };
  }
  return tiles;
}
