// The journey on a map, drawn on the server as SVG from Natural Earth's countries (world-atlas,
// offline: no tile server): a Mercator projection fitted to the route and the reported positions, the
// planned route as a dashed line, the authorized opening areas to scale, the reported positions joined
// in time order with the last one highlighted, and seal breaches in red. The legend and a table of the
// route are its text alternative, with the timeline for the positions.
import { getFormatter, getTranslations } from 'next-intl/server';

import type { ShipmentMapPoint } from '../../../lib/tracking/get-shipment-detail';
import { layoutShipmentMap } from '../../../lib/tracking/map/layout-shipment-map';
import { formatPosition, type RouteStop } from './tracking-format';

export interface ShipmentMapProps {
  containerNumber: string;
  route: RouteStop[];
  /** Reported positions, oldest first. */
  positions: ShipmentMapPoint[];
  /** Openings, removals and tampering, located by their position or their place. */
  breaches: ShipmentMapPoint[];
  /** The shipment's last known position (it follows the latest event time). */
  last: { latitude: number; longitude: number; at: Date } | null;
  /** How many events the positions were taken from, and how many the journey has. */
  eventsShown: number;
  eventCount: number;
}

export async function ShipmentMap({ containerNumber, route, positions, breaches, last, eventsShown, eventCount }: ShipmentMapProps) {
  const lastPoint = last ?? positions.at(-1) ?? null;
  const [map, t, tf, format] = await Promise.all([layoutShipmentMap({ route, positions, breaches, last }), getTranslations('tracking'), getTranslations('format'), getFormatter()]);
  if (!map) {
    return <p className="empty">{t('mapNothing')}</p>;
  }
  // Titles and the summary are attribute text: the moment is written as <When> writes it.
  const when = (date: Date) => tf('utc', { time: format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) });
  const role = (r: RouteStop['role']) => t(`stopRole.${r}`);
  const { width: W, height: H, planned, areas, labels, countryNames, scale, land } = map;

  const breachesAlerted = breaches.filter((b) => b.alerted);
  const placesText = planned.map((s) => s.name).join(' → ');
  const openingsText = route.filter((s) => s.role === 'AUTHORIZED_OPENING').map((s) => s.name);
  const summary = [
    t('mapSummaryTitle', { container: containerNumber }),
    planned.length ? t('mapSummaryRoute', { places: placesText, openings: openingsText.length ? openingsText.join(t('listSeparator')) : 'none' }) : t('mapSummaryNoRoute'),
    lastPoint
      ? t('mapSummaryPositionsLast', { count: positions.length, position: formatPosition(lastPoint.latitude, lastPoint.longitude), when: when(lastPoint.at) })
      : t('mapSummaryPositions', { count: positions.length }),
    breaches.length ? t('mapSummaryBreaches', { count: breaches.length, alerted: breachesAlerted.length }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  const diamond = (x: number, y: number, r: number) => `M${x.toFixed(1)},${(y - r).toFixed(1)}l${r},${r}l${-r},${r}l${-r},${-r}z`;

  return (
    <figure className="shipment-map" data-testid="shipment-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} aria-describedby="map-alternative" className="map-svg" data-testid="map-svg">
        <rect className="map-sea" x={0} y={0} width={W} height={H} />
        <path className="map-graticule" d={map.graticule ?? undefined} />
        {land && (
          <g>
            <path className="map-land" d={land.land ?? undefined} />
            <path className="map-border" d={land.borders ?? undefined} />
            <path className="map-coast" d={land.coast ?? undefined} />
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
          {areas.map(({ stop: a, d }) => (
            <path key={a.sequence} className="map-area" d={d ?? undefined}>
              <title>{t('areaTitle', { role: role(a.role), name: a.name, radius: a.radiusKm })}</title>
            </path>
          ))}
        </g>
        {map.plannedPath && <path className="map-planned" d={map.plannedPath} data-testid="map-planned-route" />}
        {map.trackPath && <path className="map-track" d={map.trackPath} data-testid="map-track" />}
        <g data-testid="map-stops">
          {map.stops.map(({ item: stop, x, y }) =>
            stop.role === 'ORIGIN' || stop.role === 'DESTINATION' ? (
              <rect key={stop.sequence} className="map-stop map-stop-end" x={x - 5.5} y={y - 5.5} width={11} height={11}>
                <title>{t('stopTitle', { role: role(stop.role), name: stop.name, locode: stop.locode })}</title>
              </rect>
            ) : (
              <circle key={stop.sequence} className={stop.role === 'AUTHORIZED_OPENING' ? 'map-stop map-stop-opening' : 'map-stop'} cx={x} cy={y} r={4.5}>
                <title>{t('stopTitle', { role: role(stop.role), name: stop.name, locode: stop.locode })}</title>
              </circle>
            ),
          )}
        </g>
        <g data-testid="map-positions">
          {map.dots.map(({ item: p, x, y }, i) => {
            return (
              <circle key={i} className="map-position" cx={x} cy={y} r={3.2}>
                <title>{t('pointTitle', { kind: t(`eventKind.${p.kind}`), alert: 'no', when: when(p.at), position: formatPosition(p.latitude, p.longitude) })}</title>
              </circle>
            );
          })}
        </g>
        {lastPoint && map.last && (
          <g data-testid="map-last-position">
            <circle className="map-last-halo" cx={map.last.x} cy={map.last.y} r={15} />
            <circle className="map-last" cx={map.last.x} cy={map.last.y} r={7}>
              <title>{t('pointTitle', { kind: t('lastPosition'), alert: 'no', when: when(lastPoint.at), position: formatPosition(lastPoint.latitude, lastPoint.longitude) })}</title>
            </circle>
          </g>
        )}
        <g data-testid="map-breaches">
          {map.breaches.map(({ item: b, x, y }, i) => {
            return (
              <path key={i} className={b.alerted ? 'map-breach map-breach-alert' : 'map-breach'} d={diamond(x, y, 8)}>
                <title>{t('pointTitle', { kind: t(`eventKind.${b.kind}`), alert: b.alerted ? 'yes' : 'no', when: when(b.at), position: formatPosition(b.latitude, b.longitude) })}</title>
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
              {t('km', { km: scale.km })}
            </text>
          </g>
        )}
        {!land && (
          <text className="map-note" x={W / 2} y={H - 12} textAnchor="middle">
            {t('mapNoCoast')}
          </text>
        )}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label={t('legend')}>
          <li>
            <svg viewBox="0 0 28 12" aria-hidden="true">
              <path className="map-planned" d="M1,6H27" />
            </svg>
            {t('legendPlanned')}
          </li>
          <li>
            <svg viewBox="0 0 12 12" aria-hidden="true">
              <rect className="map-stop map-stop-end" x={1} y={1} width={10} height={10} />
            </svg>
            {t('legendEnds')}
          </li>
          {areas.length > 0 && (
            <li>
              <svg viewBox="0 0 14 14" aria-hidden="true">
                <circle className="map-area" cx={7} cy={7} r={6} />
              </svg>
              {t('legendArea')}
            </li>
          )}
          {positions.length > 0 && (
            <li>
              <svg viewBox="0 0 28 12" aria-hidden="true">
                <path className="map-track" d="M1,6H27" />
                <circle className="map-position" cx={14} cy={6} r={3.2} />
              </svg>
              {t('legendPositions')}
            </li>
          )}
          {lastPoint && (
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <circle className="map-last" cx={8} cy={8} r={5.5} />
              </svg>
              {t('lastPosition')}
            </li>
          )}
          <li>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path className="map-breach map-breach-alert" d={diamond(8, 8, 6.5)} />
            </svg>
            {t('legendBreachAlert')}
          </li>
          {breaches.some((b) => !b.alerted) && (
            <li>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path className="map-breach" d={diamond(8, 8, 6.5)} />
              </svg>
              {t('legendBreach')}
            </li>
          )}
        </ul>
        {eventsShown < eventCount && (
          <p className="hint">
            {t('mapLatest', { shown: eventsShown, count: eventCount })}
          </p>
        )}
        <div id="map-alternative" className="visually-hidden">
          <p>{t('mapAlternative')}</p>
          <table>
            <caption>{t('routeCaption', { container: containerNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colStop')}</th>
                <th scope="col">{t('colPlaceOnly')}</th>
                <th scope="col">{t('colPosition')}</th>
                <th scope="col">{t('colRadius')}</th>
              </tr>
            </thead>
            <tbody>
              {[...planned, ...route.filter((s) => s.role === 'AUTHORIZED_OPENING')].map((s) => (
                <tr key={s.sequence}>
                  <td>{role(s.role)}</td>
                  <td>
                    {s.name} ({s.locode})
                  </td>
                  <td>{formatPosition(s.latitude, s.longitude)}</td>
                  <td>{s.role === 'AUTHORIZED_OPENING' || s.role === 'DESTINATION' ? t('km', { km: s.radiusKm }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figcaption>
    </figure>
  );
}
