// The shipment map's geometry: a journey across the antimeridian drawn the short way, and every name
// placed inside the picture and clear of the others and of the markers.
import { describe, expect, it } from 'vitest';

import type { RouteStopView } from '../../../lib/tracking/load-shipments';
import { layoutShipmentMap, MAP_HEIGHT, MAP_WIDTH } from '../../../lib/tracking/map/layout-shipment-map';
import { boxesApart, textBox, type Box } from '../../../lib/tracking/map/place-map-labels';

const stop = (sequence: number, role: RouteStopView['role'], locode: string, name: string, latitude: number, longitude: number, radiusKm = 10): RouteStopView => ({
  sequence,
  role,
  locode,
  name,
  latitude,
  longitude,
  radiusKm,
});
const noAtlas = () => Promise.reject(new Error('no atlas in this test'));
/** The x and y of each point of an SVG path "Mx,yLx,y…". */
const pathPoints = (d: string | null) => (d ?? '').slice(1).split('L').map((p) => p.split(',').map(Number) as [number, number]);

describe('layoutShipmentMap', () => {
  it('has nothing to lay out without a route or a position', async () => {
    expect(await layoutShipmentMap({ route: [], positions: [], breaches: [], last: null, atlas: noAtlas })).toBeNull();
  });

  it('draws a Pacific crossing over the Pacific, not round the world through Europe', async () => {
    const route = [stop(1, 'ORIGIN', 'JPTYO', 'Tokyo', 35.62, 139.77), stop(2, 'DESTINATION', 'USLAX', 'Los Angeles', 33.74, -118.27)];
    const map = (await layoutShipmentMap({ route, positions: [], breaches: [], last: null, atlas: noAtlas }))!;
    const [tokyo, losAngeles] = pathPoints(map.plannedPath);
    // Tokyo on the left, Los Angeles on the right, the date line between them in the middle.
    expect(tokyo![0]).toBeLessThan(MAP_WIDTH / 2);
    expect(losAngeles![0]).toBeGreaterThan(MAP_WIDTH / 2);
    const [middleLongitude] = map.projection.invert!([(tokyo![0] + losAngeles![0]) / 2, (tokyo![1] + losAngeles![1]) / 2])!;
    expect(Math.abs(middleLongitude!)).toBeGreaterThan(165);
    // The view is about the Pacific's width, not the world's.
    expect(map.spanKm).toBeLessThan(14_000);
  });

  it('joins positions on either side of 180° with a short segment', async () => {
    const route = [stop(1, 'ORIGIN', 'FJSUV', 'Suva', -18.14, 178.42), stop(2, 'DESTINATION', 'WSAPW', 'Apia', -13.83, -171.76)];
    const positions = [
      { latitude: -17.5, longitude: 179.6 },
      { latitude: -17.2, longitude: -179.8 },
      { latitude: -16.0, longitude: -176.0 },
    ];
    const map = (await layoutShipmentMap({ route, positions, breaches: [], last: null, atlas: noAtlas }))!;
    const track = pathPoints(map.trackPath);
    expect(track).toHaveLength(3);
    for (const [x, y] of track) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
    // 0.6° of longitude on a map about 10° wide: a small step, not the width of the map.
    expect(Math.abs(track[1]![0] - track[0]![0])).toBeLessThan(MAP_WIDTH / 10);
    expect(track[1]![0]).toBeGreaterThan(track[0]![0]); // eastwards, as sailed
  });

  it('places place and country names inside the map, apart from each other and from the markers', async () => {
    // A crowded North Sea journey, with the real atlas (country names on a regional map).
    const route = [
      stop(1, 'ORIGIN', 'NLRTM', 'Rotterdam', 51.949, 4.1453),
      stop(2, 'WAYPOINT', 'BEANR', 'Antwerp', 51.2637, 4.3986),
      stop(3, 'WAYPOINT', 'BEZEE', 'Zeebrugge', 51.3326, 3.2067),
      stop(4, 'AUTHORIZED_OPENING', 'NLVLI', 'Vlissingen', 51.4425, 3.5961, 15),
      stop(5, 'DESTINATION', 'DEHAM', 'Hamburg', 53.5461, 9.9661, 20),
    ];
    const last = { latitude: 51.5, longitude: 4.0 };
    const breaches = [{ latitude: 51.3, longitude: 4.3 }];
    const map = (await layoutShipmentMap({ route, positions: [last], breaches, last }))!;
    expect(map.land).not.toBeNull();
    expect(map.countryNames.length).toBeGreaterThan(0);
    expect(map.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Rotterdam', 'Hamburg']));

    const boxes = [...map.labels.map((l) => ({ text: l.text, box: textBox(l) })), ...map.countryNames.map((l) => ({ text: l.text, box: textBox(l, 8.2) }))];
    for (const { text, box } of boxes) {
      expect(box[0], text).toBeGreaterThanOrEqual(0);
      expect(box[1], text).toBeGreaterThanOrEqual(0);
      expect(box[2], text).toBeLessThanOrEqual(MAP_WIDTH);
      expect(box[3], text).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(boxesApart(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.text} over ${boxes[j]!.text}`).toBe(true);
    }
    const markers: Box[] = [
      ...map.stops.map(({ x, y }): Box => [x - 5, y - 5, x + 5, y + 5]),
      ...map.breaches.map(({ x, y }): Box => [x - 7, y - 7, x + 7, y + 7]),
      [map.last!.x - 14, map.last!.y - 14, map.last!.x + 14, map.last!.y + 14],
    ];
    for (const label of map.labels) for (const m of markers) expect(boxesApart(textBox(label), m), `${label.text} over a marker`).toBe(true);
  });
});
