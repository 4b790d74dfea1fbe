// Free window/level and pseudo-colour for the analyst's viewer: samples (8- or 16-bit, transmitted
// intensity: high = little material) → what the screen shows. The window is the DICOM-style linear
// VOI transform: centre c and width w map c − w/2 … c + w/2 onto black … white, clamped outside.
// The colour maps are 256-entry tables applied to that 0–255 result:
// - grey, and inverted grey (dense material bright, as many cargo screening consoles show it);
// - "hot" (black → red → yellow → white): its brightness rises monotonically, so the order of densities
//   still reads in greyscale, for colour-blind readers and in print; it is the heat map the X-ray
//   consoles' "colour" modes resemble for single-energy images, spreading grey levels the eye cannot
//   tell apart over hues it can;
// - viridis (matplotlib's perceptually uniform map): equal steps of density look like equal steps of
//   colour, safe for the common colour-vision deficiencies. "Jet"/rainbow is deliberately not offered:
//   its brightness is not monotonic, so it invents edges that are not in the cargo.
// Dual-energy material colours (orange organic, green mixed, blue metal) need the effective atomic
// number from two energies; Clearway's images are single-channel, so they are not a colour map here.

export const SCAN_COLOUR_MAPS = ['grey', 'inverted', 'hot', 'viridis'] as const;
export type ScanColourMap = (typeof SCAN_COLOUR_MAPS)[number];

export function isScanColourMap(value: string): value is ScanColourMap {
  return (SCAN_COLOUR_MAPS as readonly string[]).includes(value);
}

/** A window in sample values: `centre` 0…max, `width` 1…2·(max + 1), max = 2^bits − 1. */
export interface ScanWindow {
  centre: number;
  width: number;
}

/** The largest sample value at a bit depth (the window's scale). */
export const sampleMax = (bits: 8 | 16): number => (bits === 16 ? 65535 : 255);

/** Matplotlib's viridis at nine even stops (its published 9-class palette); linear in between. */
const VIRIDIS_STOPS: [number, number, number][] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [253, 231, 37],
];

const clamp01 = (t: number) => Math.min(1, Math.max(0, t));

function colourAt(map: Exclude<ScanColourMap, 'grey' | 'inverted'>, t: number): [number, number, number] {
  if (map === 'hot') return [clamp01(3 * t), clamp01(3 * t - 1), clamp01(3 * t - 2)].map((c) => Math.round(c * 255)) as [number, number, number];
  const at = t * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(Math.floor(at), VIRIDIS_STOPS.length - 2);
  const f = at - i;
  const [a, b] = [VIRIDIS_STOPS[i]!, VIRIDIS_STOPS[i + 1]!];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/**
 * Samples → displayable pixels: one grey byte per pixel for `grey`/`inverted`, three (RGB) for the colour
 * maps. Without a window the samples are taken as already windowed 8-bit grey (a preset's tile).
 */
export function applyScanWindow(samples: Uint8Array | Uint16Array, bits: 8 | 16, window: ScanWindow | null, map: ScanColourMap): { channels: 1 | 3; data: Buffer } {
  const size = bits === 16 ? 65536 : 256;
  // Samples → 0–255 through one table per depth: 65,536 entries cost less than a division per pixel.
  const level = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    const t = window ? (v - (window.centre - window.width / 2)) / window.width : v / (size - 1);
    level[v] = Math.round(clamp01(t) * 255);
  }
  if (map === 'grey' || map === 'inverted') {
    const out = Buffer.alloc(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const g = level[samples[i]!]!;
      out[i] = map === 'grey' ? g : 255 - g;
    }
    return { channels: 1, data: out };
  }
  const palette = new Uint8Array(256 * 3);
  for (let g = 0; g < 256; g++) palette.set(colourAt(map, g / 255), g * 3);
  const out = Buffer.alloc(samples.length * 3);
  for (let i = 0; i < samples.length; i++) {
    const p = level[samples[i]!]! * 3;
    out[i * 3] = palette[p]!;
    out[i * 3 + 1] = palette[p + 1]!;
    out[i * 3 + 2] = palette[p + 2]!;
  }
  return { channels: 3, data: out };
}
