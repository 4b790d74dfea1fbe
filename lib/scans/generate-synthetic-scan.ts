// Synthetic X-ray scans of a container, so tests, the demo and the bench work offline: a 16-bit
// transmission image (high = air, low = dense) with the container's outline (walls, corrugation, floor
// and the corner posts), pallets of cargo at different densities, noise, and optionally one planted
// concealment (a dense block in the floor structure) and an extra planted object (the difference an
// arrival scan shows against its departure scan), with the whole picture shifted as a second scanner
// would place it. Deterministic: the same options give the same pixels.
import type { GreyImage } from './encode-grey-image';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SyntheticScanOptions {
  width?: number;
  height?: number;
  /** Seeds the cargo layout and the noise. Departure and arrival of one container share it. */
  seed?: number;
  /** Shift of the whole picture in pixels (a different scanner's framing). */
  shift?: { x: number; y: number };
  /** A dense block hidden in the floor structure. */
  concealment?: Box | null;
  /** An extra object (cargo added on the way). */
  addedObject?: Box | null;
  /** A different noise seed (two scans of one container never have the same noise). */
  noiseSeed?: number;
}

function prng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AIR = 60000;

export function generateSyntheticScan(options: SyntheticScanOptions = {}): GreyImage & { cargo: Box[] } {
  const width = options.width ?? 1200;
  const height = options.height ?? 400;
  const shift = options.shift ?? { x: 0, y: 0 };
  const rand = prng(options.seed ?? 1);
  // Attenuation per pixel (0 = air); transmitted = AIR * exp(-attenuation) at the end.
  const mu = new Float32Array(width * height);
  const add = (b: Box, value: number) => {
    const x0 = Math.max(0, Math.round(b.x + shift.x));
    const y0 = Math.max(0, Math.round(b.y + shift.y));
    const x1 = Math.min(width, Math.round(b.x + b.width + shift.x));
    const y1 = Math.min(height, Math.round(b.y + b.height + shift.y));
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mu[y * width + x] = mu[y * width + x]! + value;
  };
  // The container: 5 % margin, walls, roof, floor with cross members, corner posts, corrugation.
  const c = { x: width * 0.05, y: height * 0.1, width: width * 0.9, height: height * 0.8 };
  add({ x: c.x, y: c.y, width: c.width, height: 6 }, 0.8);
  add({ x: c.x, y: c.y + c.height - 14, width: c.width, height: 14 }, 1.2);
  add({ x: c.x, y: c.y, width: 12, height: c.height }, 1.5);
  add({ x: c.x + c.width - 12, y: c.y, width: 12, height: c.height }, 1.5);
  for (let x = c.x + 20; x < c.x + c.width - 20; x += 14) add({ x, y: c.y + 6, width: 3, height: c.height - 20 }, 0.08);
  for (let x = c.x + 30; x < c.x + c.width - 30; x += 60) add({ x, y: c.y + c.height - 22, width: 8, height: 8 }, 0.9);
  // Cargo: pallets along the floor, each with its own density.
  const cargo: Box[] = [];
  let x = c.x + 24;
  while (x < c.x + c.width - 60) {
    const w = 50 + rand() * 90;
    const h = c.height * (0.3 + rand() * 0.5);
    const box = { x, y: c.y + c.height - 14 - h, width: Math.min(w, c.x + c.width - 24 - x), height: h };
    add(box, 0.3 + rand() * 1.2);
    cargo.push(box);
    x += w + 6 + rand() * 20;
  }
  if (options.concealment) add(options.concealment, 2.5);
  if (options.addedObject) add(options.addedObject, 1.8);
  const noise = prng(options.noiseSeed ?? (options.seed ?? 1) * 7919);
  const pixels = new Uint16Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const v = AIR * Math.exp(-mu[i]!) * (1 + (noise() - 0.5) * 0.04);
    pixels[i] = Math.max(0, Math.min(65535, Math.round(v)));
  }
  return { width, height, bits: 16, pixels, cargo };
}
