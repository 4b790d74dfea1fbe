/**
 * The longitude at the middle of the points, across the antimeridian if that is shorter: the map is
 * rotated to it, so that a route from Tokyo to Los Angeles crosses the Pacific in the middle of the map
 * instead of running the other way round the world. Longitudes in any range; the answer in [-180, 180).
 */
export function findCentralLongitude(longitudes: readonly number[]): number {
  const sorted = [...new Set(longitudes.map(normalised))].sort((a, b) => a - b);
  if (sorted.length < 2) return sorted[0] ?? 0;
  // The points lie outside the widest gap between neighbours (going round).
  let gapEnd = sorted[0]!;
  let gap = sorted[0]! + 360 - sorted.at(-1)!;
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i]! - sorted[i - 1]!;
    if (g > gap) [gap, gapEnd] = [g, sorted[i]!];
  }
  return normalised(gapEnd + (360 - gap) / 2);
}

const normalised = (longitude: number) => ((((longitude + 180) % 360) + 360) % 360) - 180;
