// The geometry of the shipment map, apart from its drawing: a Mercator projection fitted to the route and
// the reported positions (rotated so that the journey never wraps round the antimeridian), the SVG paths
// of the land, the route and the track, every marker's position, the place and country names placed so
// that they overlap nothing, and a scale bar where Mercator's scale is nearly constant. The component in
// app/tracking/_components/shipment-map.tsx only renders what this returns.
import { geoCentroid, geoCircle, geoDistance, geoGraticule10, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

import type { RouteStopView } from '../load-shipments';
import { findCentralLongitude } from './find-central-longitude';
import { loadMapAtlas, type MapAtlas } from './load-map-atlas';
import { boxesApart, insideView, placeMapLabels, textBox, type Box, type MapLabel } from './place-map-labels';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 520;
const VIEW = { width: MAP_WIDTH, height: MAP_HEIGHT };
const PAD = 48;
const EARTH_KM = 6371;
const KM_PER_DEGREE = (Math.PI * EARTH_KM) / 180;
/** Most position dots drawn; the line joins every position. */
const MAX_DOTS = 400;
/** Below this width of view (km) the map is regional: 1:50m coastlines and country names. */
const REGIONAL_KM = 4000;

interface LatLon {
  latitude: number;
  longitude: number;
}

export interface ShipmentMapInput<P extends LatLon> {
  route: readonly RouteStopView[];
  /** Reported positions, oldest first. */
  positions: readonly P[];
  /** Openings, removals and tampering, located by their position or their place. */
  breaches: readonly P[];
  /** The shipment's last known position; without it, the last reported position. */
  last: LatLon | null;
  /** Where to read the atlas from (tests pass their own; a failure draws the map without land). */
  atlas?: (resolution: '50m' | '110m') => Promise<MapAtlas>;
}

export interface Placed<T> {
  item: T;
  x: number;
  y: number;
}

export interface ShipmentMapLayout<P extends LatLon> {
  width: number;
  height: number;
  /** The projection, for callers that place more (tests invert it). */
  projection: GeoProjection;
  /** Width of the view along its middle, in km. */
  spanKm: number;
  graticule: string | null;
  /** Null when the atlas could not be read. */
  land: { land: string | null; borders: string | null; coast: string | null } | null;
  /** Origin, waypoints and destination in sequence order (authorized openings are areas, off the line). */
  planned: RouteStopView[];
  plannedPath: string | null;
  trackPath: string | null;
  /** Authorized opening areas and the destination's area, to scale. */
  areas: { stop: RouteStopView; d: string | null }[];
  stops: Placed<RouteStopView>[];
  /** At most MAX_DOTS of the positions, evenly thinned. */
  dots: Placed<P>[];
  last: { x: number; y: number } | null;
  breaches: Placed<P>[];
  labels: MapLabel[];
  countryNames: MapLabel[];
  scale: { px: number; km: number } | null;
}

const circle = (longitude: number, latitude: number, km: number) => geoCircle().center([longitude, latitude]).radius(km / KM_PER_DEGREE).precision(2)();

/** A round length for the scale bar: 1, 2 or 5 times a power of ten, at most `km`. */
function roundKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(km));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= km) ?? p;
}

const line = (pts: [number, number][]) => (pts.length > 1 ? `M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}` : null);

/** The map's geometry, or null when there is nothing to place on it. */
export async function layoutShipmentMap<P extends LatLon>({ route, positions, breaches, last, atlas: readAtlas = loadMapAtlas }: ShipmentMapInput<P>): Promise<ShipmentMapLayout<P> | null> {
  const lastPoint = last ?? positions.at(-1) ?? null;
  const everything: [number, number][] = [...route, ...positions, ...breaches, ...(lastPoint ? [lastPoint] : [])].map((p) => [p.longitude, p.latitude]);
  if (everything.length === 0) return null;

  // Registered in order: origin, waypoints, authorized openings, destination.
  const planned = route.filter((s) => s.role !== 'AUTHORIZED_OPENING').sort((a, b) => a.sequence - b.sequence);
  const areaStops = route.filter((s) => s.role === 'AUTHORIZED_OPENING' || s.role === 'DESTINATION');

  // Fit: every point, the opening areas, and at least a few hundred kilometres around the middle.
  const points: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: everything } };
  const [midLongitude, midLatitude] = geoCentroid(points);
  const fitTo: FeatureCollection = {
    type: 'FeatureCollection',
    features: [points, ...[...areaStops.map((a) => circle(a.longitude, a.latitude, a.radiusKm)), circle(midLongitude, midLatitude, 250)].map((g): Feature => ({ type: 'Feature', properties: {}, geometry: g }))],
  };
  const projection = geoMercator()
    .rotate([-findCentralLongitude(everything.map(([lon]) => lon)), 0])
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      fitTo,
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  const draw = geoPath(projection).digits(1);
  const xy = (p: LatLon): [number, number] => projection([p.longitude, p.latitude]) ?? [Number.NaN, Number.NaN];
  const place = <T extends LatLon>(item: T): Placed<T> => {
    const [x, y] = xy(item);
    return { item, x, y };
  };
  const spanKm = geoDistance(projection.invert!([0, MAP_HEIGHT / 2])!, projection.invert!([MAP_WIDTH, MAP_HEIGHT / 2])!) * EARTH_KM;
  const atlas = await readAtlas(spanKm < REGIONAL_KM ? '50m' : '110m').catch(() => null);

  const step = Math.ceil(positions.length / MAX_DOTS);
  const lastXy = lastPoint ? xy(lastPoint) : null;
  const stops = route.map(place);
  const placedBreaches = breaches.map(place);
  const isEnd = (s: RouteStopView) => s.role === 'ORIGIN' || s.role === 'DESTINATION';

  // Origin and destination are named first, so that they win a crowded spot.
  const labels = placeMapLabels(
    [...stops.filter((m) => isEnd(m.item)), ...stops.filter((m) => !isEnd(m.item))].map((m) => ({ x: m.x, y: m.y, text: m.item.name })),
    [
      ...(lastXy ? [[lastXy[0] - 15, lastXy[1] - 15, lastXy[0] + 15, lastXy[1] + 15] as Box] : []),
      ...stops.map(({ x, y }): Box => [x - 6, y - 6, x + 6, y + 6]),
      ...placedBreaches.map(({ x, y }): Box => [x - 8, y - 8, x + 8, y + 8]),
    ],
    VIEW,
  );

  // Country names on a regional map, where coastlines alone say little; under the route, never over a place name.
  const countryNames: MapLabel[] = [];
  if (atlas && spanKm < REGIONAL_KM) {
    const taken: Box[] = labels.map((l) => textBox(l));
    for (const f of atlas.land.features) {
      const name = typeof f.properties?.name === 'string' ? f.properties.name : null;
      const at = name ? projection(geoCentroid(f)) : null;
      if (!name || !at || at[0] < 30 || at[0] > MAP_WIDTH - 30 || at[1] < 24 || at[1] > MAP_HEIGHT - 24) continue;
      const label: MapLabel = { x: at[0], y: at[1], text: name.toUpperCase(), anchor: 'middle' };
      const box = textBox(label, 8.2);
      if (!insideView(box, VIEW) || !taken.every((t) => boxesApart(box, t))) continue;
      taken.push(box);
      countryNames.push(label);
    }
  }

  // A scale bar where Mercator's scale is nearly constant over the view (regional maps).
  let scale: { px: number; km: number } | null = null;
  if (spanKm < 6000) {
    const y = MAP_HEIGHT - 24;
    const kmPer100px = geoDistance(projection.invert!([MAP_WIDTH / 2 - 50, y])!, projection.invert!([MAP_WIDTH / 2 + 50, y])!) * EARTH_KM;
    const km = roundKm(kmPer100px * 1.5);
    scale = { km, px: (km / kmPer100px) * 100 };
  }

  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    projection,
    spanKm,
    graticule: draw(geoGraticule10()),
    land: atlas ? { land: draw(atlas.land), borders: draw(atlas.borders), coast: draw(atlas.coast) } : null,
    planned,
    plannedPath: line(planned.map(xy)),
    trackPath: line(positions.map(xy)),
    areas: areaStops.map((stop) => ({ stop, d: draw(circle(stop.longitude, stop.latitude, stop.radiusKm) as Geometry) })),
    stops,
    dots: positions.filter((_, i) => i % step === 0).map(place),
    last: lastXy ? { x: lastXy[0], y: lastXy[1] } : null,
    breaches: placedBreaches,
    labels,
    countryNames,
    scale,
  };
}
