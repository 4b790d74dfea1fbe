// Window/level presets for the tiles: each maps a range of the image's own sample values (found from
// its histogram, so 8- and 16-bit images and any scanner's gain look alike) to the 256 grey levels a
// screen shows. Samples are transmitted intensity: high = little material, low = dense material.
export const SCAN_PRESETS = {
  /** The 1st to the 99th percentile: the whole cargo. */
  standard: [0.01, 0.99],
  /** The brighter half: thin and organic material (the window the "organic mass" needs). */
  'low-density': [0.5, 0.999],
  /** The darker half: metal, dense cargo and what hides behind it. */
  'high-density': [0.001, 0.5],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * The scan_tile "preset" of the lossless tiles of the image's own samples (cut-raw-scan-tiles.ts): not a
 * window, but what a free window is rendered from. Not a ScanPreset: the viewer never shows them as they are.
 */
export const RAW_TILES = 'raw';

export type ScanPreset = keyof typeof SCAN_PRESETS;
export const SCAN_PRESET_NAMES = Object.keys(SCAN_PRESETS) as ScanPreset[];

export function isScanPreset(value: string): value is ScanPreset {
  return Object.hasOwn(SCAN_PRESETS, value);
}

/** Samples → 8-bit grey under a preset (a new buffer, one byte per pixel). */
export function applyScanPreset(pixels: Uint8Array | Uint16Array, bits: 8 | 16, preset: ScanPreset): Buffer {
  const size = bits === 16 ? 65536 : 256;
  const histogram = new Uint32Array(size);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  const [lowQ, highQ] = SCAN_PRESETS[preset];
  const quantile = (q: number) => {
    const target = q * pixels.length;
    let seen = 0;
    for (let v = 0; v < size; v++) {
      seen += histogram[v]!;
      if (seen >= target) return v;
    }
    return size - 1;
  };
  const low = quantile(lowQ);
  const high = Math.max(quantile(highQ), low + 1);
  const lut = new Uint8Array(size);
  for (let v = 0; v < size; v++) lut[v] = Math.round(Math.min(1, Math.max(0, (v - low) / (high - low))) * 255);
  const out = Buffer.alloc(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = lut[pixels[i]!]!;
  return out;
}
