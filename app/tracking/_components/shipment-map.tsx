// The journey on a map, drawn on the server as SVG from Natural Earth's countries (world-atlas,
// offline: no tile server): a Mercator projection fitted to the route and the reported positions, the
// planned route as a dashed line, the authorized opening areas to scale, the reported positions joined
// in time order with the last one highlighted, and seal breaches in red. The legend and a table of the
// route are its text alternative, with the timeline for the positions.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { geoCentroid, geoCircle, geoDistance, geoGraticule10, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

import { formatDateTime } from '../../declarations/_components/format';
import { EVENT_LABEL, formatPosition, type EventKind, type RouteStop } from './tracking-format';

export interface MapPoint {
  latitude: number;
  longitude: number;
  at: Date;
  kind: EventKind;
  /** The event raised an alert. */
  alerted: boolean;
}

export interface ShipmentMapProps {
  containerNumber: string;
  route: RouteStop[];
  /** Reported positions, oldest first. */
  positions: MapPoint[];
  /** Openings, removals and tampering, located by their position or their place. */
  breaches: MapPoint[];
  /** The shipment's last known position (it follows the latest event time). */
  last: { latitude: number; longitude: number; at: Date } | null;
  /** How many events the positions were taken from, and how many the journey has. */
  eventsShown: number;
  eventCount: number;
}

const W = 960;
const H = 520;
const PAD = 48;
const EARTH_KM = 6371;
const KM_PER_DEGREE = (Math.PI * EARTH_KM) / 180;
/** Most position dots drawn; the line joins every position. */
const MAX_DOTS = 400;

type Atlas = { land: FeatureCollection; borders: MultiLineString; coast: MultiLineString };
const atlases = new Map<string, Promise<Atlas>>();

/** Countries at 1:50m for a regional view, 1:110m for an ocean crossing; parsed once per process. */
function loadAtlas(resolution: '50m' | '110m'): Promise<Atlas> {
  let atlas = atlases.get(resolution);
  if (!atlas) {
    atlas = readFile(path.join(process.cwd(), 'node_modules', 'world-atlas', `countries-${resolution}.json`), 'utf8').then((text) => {
      const topology = JSON.parse(text) as Topology<{ countries: GeometryCollection }>;
      const countries = topology.objects.countries;
      return {
        land: feature(topology, countries) as FeatureCollection,
        borders: mesh(topology, countries, (a, b) => a !== b),
        coast: mesh(topology, countries, (a, b) => a === b),
      };
    });
    atlas.catch(() => atlases.delete(resolution));
    atlases.set(resolution, atlas);
  }
  return atlas;
}

/** The longitude at the middle of the points, across the antimeridian if that is shorter. */
function centralLongitude(longitudes: number[]): number {
  const sorted = [...new Set(longitudes.map((l) => ((((l + 180) % 360) + 360) % 360) - 180))].sort((a, b) => a - b);
  if (sorted.length < 2) return sorted[0] ?? 0;
  // The points lie outside the widest gap between neighbours (going round).
  let gapEnd = sorted[0]!;
  let gap = sorted[0]! + 360 - sorted.at(-1)!;
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i]! - sorted[i - 1]!;
    if (g > gap) [gap, gapEnd] = [g, sorted[i]!];
  }
  return gapEnd + (360 - gap) / 2;
}

const circle = (longitude: number, latitude: number, km: number) => geoCircle().center([longitude, latitude]).radius(km / KM_PER_DEGREE).precision(2)();

/** A round length for the scale bar: 1, 2 or 5 times a power of ten, at most `km`. */
function roundKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(km));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= km) ?? p;
}

interface Label {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

type Box = [x0: number, y0: number, x1: number, y1: number];

/** The box a label's text covers (`charWidth` px per character at 13 px). */
function textBox(l: Label, charWidth = 7.4): Box {
  const width = l.text.length * charWidth + 4;
  const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - width : l.x - width / 2;
  return [x0, l.y - 13, x0 + width, l.y + 3];
}

const apart = (a: Box, b: Box) => a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1];

/**
 * Place names that overlap neither each other (the first ones win) nor the `obstacles` (the last
 * position, the breaches): right of the marker, left, further out, above or below; else none (the
 * stop keeps its tooltip).
 */
function placeLabels(candidates: { x: number; y: number; text: string }[], obstacles: Box[]): Label[] {
  const boxes = [...obstacles];
  const labels: Label[] = [];
  for (const c of candidates) {
    const spots: Label[] = [
      { x: c.x + 9, y: c.y + 4, anchor: 'start', text: c.text },
      { x: c.x - 9, y: c.y + 4, anchor: 'end', text: c.text },
      { x: c.x + 19, y: c.y + 4, anchor: 'start', text: c.text },
      { x: c.x - 19, y: c.y + 4, anchor: 'end', text: c.text },
      { x: c.x, y: c.y - 19, anchor: 'middle', text: c.text },
      { x: c.x, y: c.y + 28, anchor: 'middle', text: c.text },
    ];
    for (const spot of spots) {
      const box = textBox(spot);
      const inside = box[0] >= 2 && box[2] <= W - 2 && box[1] >= 2 && box[3] <= H - 2;
      if (inside && boxes.every((b) => apart(box, b))) {
        boxes.push(box);
        labels.push(spot);
        break;
      }
    }
  }
  return labels;
}

const ROLE_WORD: Record<RouteStop['role'], string> = { ORIGIN: 'Origin', WAYPOINT: 'Waypoint', AUTHORIZED_OPENING: 'Authorized opening', DESTINATION: 'Destination' };

export async function ShipmentMap({ containerNumber, route, positions, breaches, last, eventsShown, eventCount }: ShipmentMapProps) {
  const lastPoint = last ?? positions.at(-1) ?? null;
  const everything: [number, number][] = [...route, ...positions, ...breaches, ...(lastPoint ? [lastPoint] : [])].map((p) => [p.longitude, p.latitude]);
  if (everything.length === 0) {
    return <p className="empty">No route or position to show on a map yet.</p>;
  }

  // Registered in order: origin, waypoints, authorized openings, destination.
  const planned = route.filter((s) => s.role !== 'AUTHORIZED_OPENING').sort((a, b) => a.sequence - b.sequence);
  const areas = route.filter((s) => s.role === 'AUTHORIZED_OPENING' || s.role === 'DESTINATION');

  // Fit: every point, the opening areas, and at least a few hundred kilometres around the middle.
  const points: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: everything } };
  const [midLongitude, midLatitude] = geoCentroid(points);
  const fitTo: FeatureCollection = {
    type: 'FeatureCollection',
    features: [points, ...[...areas.map((a) => circle(a.longitude, a.latitude, a.radiusKm)), circle(midLongitude, midLatitude, 250)].map((g): Feature => ({ type: 'Feature', properties: {}, geometry: g }))],
  };
  const projection = geoMercator()
    .rotate([-centralLongitude(everything.map(([lon]) => lon)), 0])
    .fitExtent(
      [
        [PAD, PAD],
        [W - PAD, H - PAD],
      ],
      fitTo,
    )
    .clipExtent([
      [0, 0],
      [W, H],
    ]);
  const draw = geoPath(projection).digits(1);
  const xy = (p: { longitude: number; latitude: number }) => projection([p.longitude, p.latitude]) ?? [Number.NaN, Number.NaN];
  const spanKm = geoDistance(projection.invert!([0, H / 2])!, projection.invert!([W, H / 2])!) * EARTH_KM;
  const atlas = await loadAtlas(spanKm < 4000 ? '50m' : '110m').catch(() => null);

  const line = (pts: [number, number][]) => (pts.length > 1 ? `M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}` : null);
  const plannedPath = line(planned.map(xy));
  const trackPath = line(positions.map(xy));
  const step = Math.ceil(positions.length / MAX_DOTS);
  const dots = positions.filter((_, i) => i % step === 0);
  const lastXy = lastPoint ? xy(lastPoint) : null;

  const stopMarks = route.map((s) => ({ stop: s, at: xy(s) }));
  const labels = placeLabels(
    [...stopMarks.filter((m) => m.stop.role === 'ORIGIN' || m.stop.role === 'DESTINATION'), ...stopMarks.filter((m) => m.stop.role !== 'ORIGIN' && m.stop.role !== 'DESTINATION')].map((m) => ({
      x: m.at[0],
      y: m.at[1],
      text: m.stop.name,
    })),
    [
      ...(lastXy ? [[lastXy[0] - 15, lastXy[1] - 15, lastXy[0] + 15, lastXy[1] + 15] as Box] : []),
      ...stopMarks.map(({ at: [x, y] }): Box => [x - 6, y - 6, x + 6, y + 6]),
      ...breaches.map((b): Box => {
        const [x, y] = xy(b);
        return [x - 8, y - 8, x + 8, y + 8];
      }),
    ],
  );

  // Country names on a regional map, where coastlines alone say little; under the route, never over a place name.
  const countryNames: Label[] = [];
  if (atlas && spanKm < 4000) {
    const taken: Box[] = labels.map((l) => textBox(l));
    for (const f of atlas.land.features) {
      const name = typeof f.properties?.name === 'string' ? f.properties.name : null;
      const at = name ? projection(geoCentroid(f)) : null;
      if (!name || !at || at[0] < 30 || at[0] > W - 30 || at[1] < 24 || at[1] > H - 24) continue;
      const label: Label = { x: at[0], y: at[1], text: name.toUpperCase(), anchor: 'middle' };
      const box = textBox(label, 8.2);
      if (box[0] < 2 || box[2] > W - 2 || !taken.every((t) => apart(box, t))) continue;
      taken.push(box);
      countryNames.push(label);
    }
  }

  // A scale bar where Mercator's scale is nearly constant over the view (regional maps).
  let scale: { px: number; km: number } | null = null;
  if (spanKm < 6000) {
    const y = H - 24;
    const kmPer100px = geoDistance(projection.invert!([W / 2 - 50, y])!, projection.invert!([W / 2 + 50, y])!) * EARTH_KM;
    const km = roundKm(kmPer100px * 1.5);
    scale = { km, px: (km / kmPer100px) * 100 };
  }

  const breachesAlerted = breaches.filter((b) => b.alerted);
  const placesText = planned.map((s) => s.name).join(' → ');
  const openingsText = route.filter((s) => s.role === 'AUTHORIZED_OPENING').map((s) => s.name);
  const summary = [
    `Map of container ${containerNumber}.`,
    planned.length ? `Planned route ${placesText}${openingsText.length ? `; authorized opening at ${openingsText.join(', ')}` : ''}.` : 'No planned route.',
    positions.length ? `${positions.length} reported ${positions.length === 1 ? 'position' : 'positions'}` : 'No reported position',
    lastPoint ? `; last at ${formatPosition(lastPoint.latitude, lastPoint.longitude)} on ${formatDateTime(lastPoint.at)}.` : '.',
    breaches.length ? ` ${breaches.length} ${breaches.length === 1 ? 'opening or tamper event' : 'opening or tamper events'} marked in red${breachesAlerted.length ? `, ${breachesAlerted.length} with an alert` : ''}.` : '',
  ].join(' ').replace(' ;', ';').replace(' .', '.');

  const diamond = (x: number, y: number, r: number) => `M${x.toFixed(1)},${(y - r).toFixed(1)}l${r},${r}l${-r},${r}l${-r},${-r}z`;

  return (
    <figure className="shipment-map" data-testid="shipment-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} aria-describedby="map-alternative" className="map-svg" data-testid="map-svg">
        <rect className="map-sea" x={0} y={0} width={W} height={H} />
        <path className="map-graticule" d={draw(geoGraticule10()) ?? undefined} />
        {atlas && (
          <g>
            <path className="map-land" d={draw(atlas.land) ?? undefined} />
            <path className="map-border" d={draw(atlas.borders) ?? undefined} />
            <path className="map-coast" d={draw(atlas.coast) ?? undefined} />
          </g>
        )}
        {countryNames.length > 0 && (
          <g className="map-countries" aria-hidden="true">
            {countryNames.map((l) => (
              <text key={l.text} x={l.x} y={l.y} textAnchor="middle">
                {l.text}
              </text>
            ))}
          </g>
        )}
        <g data-testid="map-areas">
          {areas.map((a) => (
            <path key={a.sequence} className="map-area" d={draw(circle(a.longitude, a.latitude, a.radiusKm) as Geometry) ?? undefined}>
              <title>{`${ROLE_WORD[a.role]}: ${a.name}, opening authorized within ${a.radiusKm} km`}</title>
            </path>
          ))}
        </g>
        {plannedPath && <path className="map-planned" d={plannedPath} data-testid="map-planned-route" />}
        {trackPath && <path className="map-track" d={trackPath} data-testid="map-track" />}
        <g data-testid="map-stops">
          {stopMarks.map(({ stop, at: [x, y] }) =>
            stop.role === 'ORIGIN' || stop.role === 'DESTINATION' ? (
              <rect key={stop.sequence} className="map-stop map-stop-end" x={x - 5.5} y={y - 5.5} width={11} height={11}>
                <title>{`${ROLE_WORD[stop.role]}: ${stop.name} (${stop.locode})`}</title>
              </rect>
            ) : (
              <circle key={stop.sequence} className={stop.role === 'AUTHORIZED_OPENING' ? 'map-stop map-stop-opening' : 'map-stop'} cx={x} cy={y} r={4.5}>
                <title>{`${ROLE_WORD[stop.role]}: ${stop.name} (${stop.locode})`}</title>
              </circle>
            ),
          )}
        </g>
        <g data-testid="map-positions">
          {dots.map((p, i) => {
            const [x, y] = xy(p);
            return (
              <circle key={i} className="map-position" cx={x} cy={y} r={3.2}>
                <title>{`${EVENT_LABEL[p.kind]}, ${formatDateTime(p.at)}: ${formatPosition(p.latitude, p.longitude)}`}</title>
              </circle>
            );
          })}
        </g>
        {lastPoint && lastXy && (
          <g data-testid="map-last-position">
            <circle className="map-last-halo" cx={lastXy[0]} cy={lastXy[1]} r={15} />
            <circle className="map-last" cx={lastXy[0]} cy={lastXy[1]} r={7}>
              <title>{`Last position, ${formatDateTime(lastPoint.at)}: ${formatPosition(lastPoint.latitude, lastPoint.longitude)}`}</title>
            </circle>
          </g>
        )}
        <g data-testid="map-breaches">
          {breaches.map((b, i) => {
            const [x, y] = xy(b);
            return (
              <path key={i} className={b.alerted ? 'map-breach map-breach-alert' : 'map-breach'} d={diamond(x, y, 8)}>
                <title>{`${EVENT_LABEL[b.kind]}${b.alerted ? ' (alert)' : ''}, ${formatDateTime(b.at)}: ${formatPosition(b.latitude, b.longitude)}`}</title>
              </path>
            );
          })}
        </g>
        <g className="map-labels" aria-hidden="true">
          {labels.map((l) => (
            <text key={`${l.text}-${l.x}-${l.y}`} x={l.x} y={l.y} textAnchor={l.anchor}>
              {l.text}
            </text>
          ))}
        </g>
        {scale && (
          <g className="map-scale" aria-hidden="true" transform={`translate(16 ${H - 20})`}>
            <rect x={-6} y={-20} width={scale.px + 12} height={28} rx={4} />
            <path d={`M0,-4v6h${scale.px.toFixed(1)}v-6`} />
            <text x={scale.px / 2} y={-8} textAnchor="middle">
              {scale.km.toLocaleString('en')} km
            </text>
          </g>
        )}
        {!atlas && (
          <text className="map-note" x={W / 2} y={H - 12} textAnchor="middle">
            Coastlines unavailable (world-atlas not installed)
          </text>
        )}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label="Legend">
          <li>
            <svg viewBox="0 0 28 12" aria-hidden="true">
              <path className="map-planned" d="M1,6H27" />
            </svg>
            Planned route
          </li>
          <li>
            <svg viewBox="0 0 12 12" aria-hidden="true">
              <rect className="map-stop map-stop-end" x={1} y={1} width={10} height={10} />
            </svg>
            Origin, destination
          </li>
          {areas.length > 0 && (
            <li>
              <svg viewBox="0 0 14 14" aria-hidden="true">
                <circle className="map-area" cx={7} cy={7} r={6} />
              </svg>
              Authorized opening area (to scale)
            </li>
          )}
          {positions.length > 0 && (
            <li>
              <svg viewBox="0 0 28 12" aria-hidden="true">
                <path className="map-track" d="M1,6H27" />
                <circle className="map-position" cx={14} cy={6} r={3.2} />
              </svg>
              Reported positions
            </li>
          )}
          {lastPoint && (
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <circle className="map-last" cx={8} cy={8} r={5.5} />
              </svg>
              Last position
            </li>
          )}
          <li>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path className="map-breach map-breach-alert" d={diamond(8, 8, 6.5)} />
            </svg>
            Tamper or opening with an alert
          </li>
          {breaches.some((b) => !b.alerted) && (
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path className="map-breach" d={diamond(8, 8, 6.5)} />
              </svg>
              Authorized opening
            </li>
          )}
        </ul>
        {eventsShown < eventCount && (
          <p className="hint">
            The map shows the latest {eventsShown.toLocaleString('en')} of {eventCount.toLocaleString('en')} events.
          </p>
        )}
        <div id="map-alternative" className="visually-hidden">
          <p>The timeline below lists every reported event with its time and position.</p>
          <table>
            <caption>Planned route of container {containerNumber}</caption>
            <thead>
              <tr>
                <th scope="col">Stop</th>
                <th scope="col">Place</th>
                <th scope="col">Position</th>
                <th scope="col">Opening authorized within</th>
              </tr>
            </thead>
            <tbody>
              {[...planned, ...route.filter((s) => s.role === 'AUTHORIZED_OPENING')].map((s) => (
                <tr key={s.sequence}>
                  <td>{ROLE_WORD[s.role]}</td>
                  <td>
                    {s.name} ({s.locode})
                  </td>
                  <td>{formatPosition(s.latitude, s.longitude)}</td>
                  <td>{s.role === 'AUTHORIZED_OPENING' || s.role === 'DESTINATION' ? `${s.radiusKm} km` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figcaption>
    </figure>
  );
}
