// The map's middle longitude: across the antimeridian when the points lie on both sides of it.
import { describe, expect, it } from 'vitest';

import { findCentralLongitude } from '../../../lib/tracking/map/find-central-longitude';

describe('findCentralLongitude', () => {
  it('takes the middle of points on one side of the world', () => {
    expect(findCentralLongitude([4.1453, 121.4737])).toBeCloseTo(62.8095, 3); // Rotterdam, Shanghai
  });

  it('goes across 180° when that is the shorter way round', () => {
    // Tokyo and Los Angeles: the Pacific (103° wide) is shorter than the way over Asia and Europe (257°).
    const middle = findCentralLongitude([139.77, -118.24]);
    expect(Math.abs(middle)).toBeGreaterThan(165);
    expect(middle).toBeCloseTo(-169.235, 3);
  });

  it('puts points straddling the antimeridian in the middle of the map', () => {
    expect(Math.abs(findCentralLongitude([178.4, -171.8, 179.9]))).toBeGreaterThan(175);
  });

  it('reads longitudes outside [-180, 180) and answers inside it', () => {
    expect(findCentralLongitude([190, 200])).toBeCloseTo(-165, 6);
    expect(findCentralLongitude([7])).toBe(7);
    expect(findCentralLongitude([])).toBe(0);
  });
});
