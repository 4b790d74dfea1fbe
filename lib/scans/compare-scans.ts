// Before/after comparison of one container's departure and arrival scans (first image of each). Both
// are turned into attenuation (−ln of the sample over the image's air level, so two scanners' gains
// compare) and box-averaged down to about COMPARE_WIDTH pixels wide; the translation that best aligns
// them is found by normalised cross-correlation over ±SEARCH pixels; the pixels that still differ by
// more than THRESHOLD after alignment are opened (3 × 3 erosion, which removes the one-pixel seams that
// half-pixel misalignment leaves along edges) and grouped into regions, given in the arrival image's
// pixels. The product computes this; the analyst confirms by drawing the region (annotateScan).
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { AppError } from '../errors';
import { decodeScanImage } from './decode-scan-image';
import { readBlob } from './read-blob';
import { assertScanReader } from './scan-access';

const COMPARE_WIDTH = 300;
const SEARCH = 12;
/** Attenuation difference (natural-log units) two aligned pixels must show to count as changed. */
const THRESHOLD = 0.6;
/** Smaller changed areas (in downsampled pixels, after erosion) are noise. */
const MIN_AREA = 4;

export interface ScanComparison {
  departureScanId: string;
  arrivalScanId: string;
  /** Where departure content lies in the arrival image, in arrival pixels. */
  shift: { x: number; y: number };
  /** Normalised cross-correlation at the best shift (1 = identical). */
  correlation: number;
  regions: { x: number; y: number; width: number; height: number; meanDifference: number }[];
}

interface Small {
  w: number;
  h: number;
  px: Float32Array;
  scale: number;
}

async function load(sha256: string): Promise<Small> {
  const image = await decodeScanImage(await readBlob(sha256), 'image');
  const { width, height, pixels } = image;
  // The air level: the 99.9th percentile of the samples (the brightest, least attenuated).
  const sorted = Float32Array.from(pixels.filter((_, i) => i % 7 === 0)).sort();
  const air = Math.max(1, sorted[Math.floor(sorted.length * 0.999)] ?? 1);
  const f = Math.max(1, Math.ceil(width / COMPARE_WIDTH));
  const w = Math.floor(width / f);
  const h = Math.floor(height / f);
  const px = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let yy = 0; yy < f; yy++) for (let xx = 0; xx < f; xx++) sum += pixels[(y * f + yy) * width + x * f + xx]!;
      px[y * w + x] = -Math.log(Math.max(1, sum / (f * f)) / air);
    }
  }
  return { w, h, px, scale: f };
}

export async function compareScans(options: { actor: Actor; scanId: string; otherScanId?: string | null }): Promise<ScanComparison> {
  assertScanReader(options.actor);
  const pool = getPool();
  const notFound = new AppError('NOT_FOUND', 'No such scan.');
  if (!/^[0-9a-f-]{36}$/i.test(options.scanId)) throw notFound;
  const [arrival] = (await pool.query<{ id: string; container_number: string | null; scanned_at: Date }>(`SELECT id, container_number, scanned_at FROM scan WHERE id = $1::uuid`, [options.scanId])).rows;
  if (!arrival) throw notFound;
  let departureId = options.otherScanId ?? null;
  if (!departureId) {
    if (!arrival.container_number) throw new AppError('CONFLICT', 'This scan names no container, so it has no earlier scan to compare with.');
    departureId =
      (await pool.query<{ id: string }>(`SELECT id FROM scan WHERE container_number = $1 AND scanned_at < $2 AND id <> $3::uuid ORDER BY scanned_at DESC LIMIT 1`, [arrival.container_number, arrival.scanned_at, arrival.id])).rows[0]?.id ??
      null;
    if (!departureId) throw new AppError('NOT_FOUND', `Container ${arrival.container_number} has no earlier scan to compare with.`);
  } else if (!/^[0-9a-f-]{36}$/i.test(departureId)) throw notFound;
  const images = await pool.query<{ scan_id: string; sha256: string }>(`SELECT scan_id, sha256 FROM scan_image WHERE scan_id = ANY($1::uuid[]) AND sequence = 1`, [[arrival.id, departureId]]);
  const arrivalSha = images.rows.find((r) => r.scan_id === arrival.id)?.sha256;
  const departureSha = images.rows.find((r) => r.scan_id === departureId)?.sha256;
  if (!arrivalSha || !departureSha) throw notFound;
  const [a, d] = await Promise.all([load(arrivalSha), load(departureSha)]);

  // Best translation: arrival(x, y) ≈ departure(x - dx, y - dy).
  let best = { dx: 0, dy: 0, ncc: -Infinity };
  for (let dy = -SEARCH; dy <= SEARCH; dy++) {
    for (let dx = -SEARCH; dx <= SEARCH; dx++) {
      let sa = 0, sd = 0, saa = 0, sdd = 0, sad = 0, n = 0;
      for (let y = Math.max(0, dy); y < Math.min(a.h, d.h + dy); y++) {
        for (let x = Math.max(0, dx); x < Math.min(a.w, d.w + dx); x++) {
          const va = a.px[y * a.w + x]!;
          const vd = d.px[(y - dy) * d.w + (x - dx)]!;
          sa += va; sd += vd; saa += va * va; sdd += vd * vd; sad += va * vd; n++;
        }
      }
      if (n < 100) continue;
      const cov = sad - (sa * sd) / n;
      const den = Math.sqrt((saa - (sa * sa) / n) * (sdd - (sd * sd) / n));
      const ncc = den > 0 ? cov / den : 0;
      if (ncc > best.ncc) best = { dx, dy, ncc };
    }
  }
  // Changed pixels after alignment, then 4-connected regions.
  const changed = new Uint8Array(a.w * a.h);
  const diff = new Float32Array(a.w * a.h);
  for (let y = 0; y < a.h; y++) {
    for (let x = 0; x < a.w; x++) {
      const sx = x - best.dx, sy = y - best.dy;
      if (sx < 1 || sy < 1 || sx >= d.w - 1 || sy >= d.h - 1) continue;
      const delta = Math.abs(a.px[y * a.w + x]! - d.px[sy * d.w + sx]!);
      diff[y * a.w + x] = delta;
      if (delta > THRESHOLD) changed[y * a.w + x] = 1;
    }
  }
  // Erosion: a pixel stays changed only when its 3 × 3 neighbourhood all changed.
  const kept = new Uint8Array(a.w * a.h);
  for (let y = 1; y < a.h - 1; y++) {
    for (let x = 1; x < a.w - 1; x++) {
      let all = 1;
      for (let k = -1; k <= 1 && all; k++) for (let j = -1; j <= 1; j++) if (!changed[(y + k) * a.w + x + j]) all = 0;
      kept[y * a.w + x] = all;
    }
  }
  changed.set(kept);
  const regions: ScanComparison['regions'] = [];
  const seen = new Uint8Array(a.w * a.h);
  for (let start = 0; start < changed.length; start++) {
    if (!changed[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    let minX = a.w, minY = a.h, maxX = 0, maxY = 0, area = 0, sum = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const px = p % a.w, py = (p - px) / a.w;
      area++; sum += diff[p]!;
      minX = Math.min(minX, px); maxX = Math.max(maxX, px); minY = Math.min(minY, py); maxY = Math.max(maxY, py);
      for (const q of [px > 0 ? p - 1 : -1, px < a.w - 1 ? p + 1 : -1, py > 0 ? p - a.w : -1, py < a.h - 1 ? p + a.w : -1]) {
        if (q >= 0 && changed[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (area < MIN_AREA) continue;
    regions.push({
      // One pixel back on each side, which the erosion took.
      x: Math.max(0, (minX - 1) * a.scale),
      y: Math.max(0, (minY - 1) * a.scale),
      width: (maxX - minX + 3) * a.scale,
      height: (maxY - minY + 3) * a.scale,
      meanDifference: Math.round((sum / area) * 1000) / 1000,
    });
  }
  regions.sort((r, s) => s.width * s.height - r.width * r.height);
  return {
    departureScanId: departureId,
    arrivalScanId: arrival.id,
    shift: { x: Math.round(best.dx * a.scale), y: Math.round(best.dy * a.scale) },
    correlation: Math.round(best.ncc * 1000) / 1000,
    regions: regions.slice(0, 20),
  };
}
