import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Fragment } from 'react';

import { loadUsers } from '../../../lib/declarations/load-declaration-parts';
import { AppError } from '../../../lib/errors';
import { getShipment } from '../../../lib/tracking/get-shipment';
import { getTrackingTimeline } from '../../../lib/tracking/get-tracking-timeline';
import { findUnLocode } from '../../../lib/tracking/un-locodes';
import { Pager } from '../../_components/pager';
import { formatDateTime, one } from '../../declarations/_components/format';
import { getActor, type Actor } from '../../session';
import { AcknowledgeAlertForm } from '../_components/acknowledge-alert-form';
import { LiveRefresh } from '../_components/live-refresh';
import { OpenAlerts, SealStatusBadge } from '../_components/seal-status';
import { ShipmentMap, type MapPoint } from '../_components/shipment-map';
import { shipmentStamp } from '../_components/tracking-stamp';
import {
  ALERT_LABEL,
  BREACH_KINDS,
  CONTAINER_NUMBER,
  EVENT_LABEL,
  formatLocalTime,
  formatPosition,
  placeName,
  SOURCE_LABEL,
  type AlertView,
  type ShipmentView,
  type TimelineEvent,
} from '../_components/tracking-format';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
/** Events read for the map: the latest ones, in pages of the timeline's largest size. */
const MAP_EVENTS = 2_000;
const MAP_PAGE = 500;

type Params = Promise<{ containerNumber: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { containerNumber } = await params;
  return { title: `Container ${decodeURIComponent(containerNumber).toUpperCase().slice(0, 11)}` };
}

/** The shipment, or null when there is none the actor may see. */
async function findShipment(actor: Actor, containerNumber: string, shipmentId: string | undefined): Promise<ShipmentView | null> {
  try {
    const s = shipmentId ? await getShipment({ actor, id: shipmentId }) : await getShipment({ actor, containerNumber });
    return s.containerNumber === containerNumber ? s : null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** The latest events (up to MAP_EVENTS), oldest first, for the map. */
async function mapEvents(actor: Actor, shipmentId: string): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  let after: string | undefined;
  do {
    const page = await getTrackingTimeline({ actor, shipmentId, newestFirst: true, first: MAP_PAGE, after });
    events.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && events.length < MAP_EVENTS);
  return events.reverse();
}

/** Where an event happened: its own position, else its place's coordinates when Clearway knows them. */
function located(e: TimelineEvent): { latitude: number; longitude: number } | null {
  if (e.latitude !== null && e.longitude !== null) return { latitude: e.latitude, longitude: e.longitude };
  const place = e.locode ? findUnLocode(e.locode) : undefined;
  return place ? { latitude: place.latitude, longitude: place.longitude } : null;
}

function Alert({ alert, isOfficer, who, containerNumber, shipmentId }: { alert: AlertView; isOfficer: boolean; who: (id: string | null) => string; containerNumber: string; shipmentId?: string }) {
  const open = !alert.acknowledgedAt;
  return (
    <li className={open ? 'alert-item alert-open' : 'alert-item'} data-testid="alert" data-alert-kind={alert.kind} data-open={open}>
      <p className="alert-head">
        <span className={`badge ${open ? 'badge-bad' : 'badge-neutral'}`}>{ALERT_LABEL[alert.kind]}</span>{' '}
        <span className="muted">
          raised <time dateTime={alert.raisedAt.toISOString()}>{formatDateTime(alert.raisedAt)}</time>
        </span>
        {!open && <span className="badge badge-ok">Acknowledged</span>}
      </p>
      <p className="alert-reason">{alert.reason}</p>
      {alert.acknowledgedAt ? (
        <div className="acknowledgement" data-testid="acknowledgement">
          <p className="query-meta">
            <strong>Acknowledged</strong> by {who(alert.acknowledgedById)} · <time dateTime={alert.acknowledgedAt.toISOString()}>{formatDateTime(alert.acknowledgedAt)}</time>
          </p>
          <p>{alert.acknowledgementNote}</p>
        </div>
      ) : isOfficer ? (
        <AcknowledgeAlertForm alertId={alert.id} containerNumber={containerNumber} shipmentId={shipmentId} />
      ) : (
        <p className="muted">Not acknowledged yet: customs reviews the alert.</p>
      )}
    </li>
  );
}

export default async function ShipmentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const containerNumber = decodeURIComponent((await params).containerNumber).trim().toUpperCase();
  const query = await searchParams;
  const shipmentParam = one(query.shipment);
  const after = one(query.after);
  const done = one(query.done);
  if (!CONTAINER_NUMBER.test(containerNumber)) notFound();
  const actor = await getActor();
  const renderedAt = new Date();
  const s = await findShipment(actor, containerNumber, shipmentParam);
  if (!s) notFound();

  const [timeline, forMap] = await Promise.all([
    getTrackingTimeline({ actor, shipmentId: s.id, newestFirst: true, first: PAGE_SIZE, after }).then(
      (page) => ({ page, error: null }),
      (e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'BAD_USER_INPUT') throw e;
        return { page: null, error: e.details.fieldErrors?.map((f) => f.message).join(' ') || e.message };
      },
    ),
    mapEvents(actor, s.id),
  ]);
  const userIds = [...new Set(s.alerts.map((a) => a.acknowledgedById).filter((u): u is string => !!u))];
  const users = new Map((await loadUsers(userIds)).filter((u) => u !== null).map((u) => [u.id, u]));
  const who = (id: string | null) => (id ? (users.get(id)?.email ?? 'unknown user') : '—');

  const isOfficer = actor.role === 'OFFICER';
  const shipmentId = shipmentParam ? s.id : undefined;
  const hrefFor = (next?: string) => {
    const q = new URLSearchParams();
    if (shipmentId) q.set('shipment', shipmentId);
    if (next) q.set('after', next);
    const text = q.toString();
    return `/tracking/${s.containerNumber}${text ? `?${text}` : ''}#timeline-heading`;
  };

  const positions: MapPoint[] = forMap
    .filter((e) => e.latitude !== null && e.longitude !== null)
    .map((e) => ({ latitude: e.latitude!, longitude: e.longitude!, at: e.eventTime, kind: e.kind, alerted: e.alerts.length > 0 }));
  const breaches: MapPoint[] = forMap.flatMap((e) => {
    const at = BREACH_KINDS.includes(e.kind) ? located(e) : null;
    return at ? [{ ...at, at: e.eventTime, kind: e.kind, alerted: e.alerts.length > 0 }] : [];
  });
  const last = s.lastPosition ? { latitude: s.lastPosition.latitude, longitude: s.lastPosition.longitude, at: s.lastPosition.at } : null;
  const openAlerts = s.alerts.filter((a) => !a.acknowledgedAt);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/tracking">Tracking</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            Container <code data-testid="container-number">{s.containerNumber}</code>
          </h1>
          <p className="head-facts" data-testid="shipment-status" data-status={s.status}>
            <SealStatusBadge status={s.status} />
            <span>
              Declaration <Link href={`/declarations/${s.declaration.id}`}>{s.declaration.lrn}</Link>
            </span>
            <span>
              {placeName(s.originLocode)} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> to </span> {placeName(s.destinationLocode)}
            </span>
            {s.closedAt && <span className="badge badge-neutral">Journey closed {formatDateTime(s.closedAt)}</span>}
          </p>
        </div>
        <LiveRefresh renderedAt={renderedAt.toISOString()} stamp={shipmentStamp(s)} containerNumber={s.containerNumber} shipmentId={shipmentId} />
      </div>

      {done === 'acknowledged' && isOfficer && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>The alert was acknowledged; your note is kept with it.</p>
        </div>
      )}

      {openAlerts.length > 0 && (
        <div className="error" role="note" data-testid="alert-summary">
          <p className="error-title">
            {openAlerts.length === 1 ? 'An alert is open' : `${openAlerts.length} alerts are open`}: {openAlerts.map((a) => ALERT_LABEL[a.kind].toLowerCase()).join(', ')}.
          </p>
          <p>
            <a href="#alerts-heading">{isOfficer ? 'Review and acknowledge them' : 'See the reasons'}</a> below.
          </p>
        </div>
      )}

      <dl className="facts">
        <div>
          <dt>Seal status since</dt>
          <dd>{formatDateTime(s.statusAt)}</dd>
        </div>
        <div>
          <dt>Last event</dt>
          <dd>{s.lastEventAt ? formatDateTime(s.lastEventAt) : <span className="muted">No event yet</span>}</dd>
        </div>
        <div>
          <dt>Last position</dt>
          <dd data-testid="last-position">
            {s.lastPosition ? (
              <>
                {formatPosition(s.lastPosition.latitude, s.lastPosition.longitude)}
                {s.lastPosition.locode ? `, ${placeName(s.lastPosition.locode)}` : ''}
                <br />
                <span className="muted small">{formatDateTime(s.lastPosition.at)}</span>
              </>
            ) : (
              <span className="muted">Not reported yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{s.eventCount.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Open alerts</dt>
          <dd>
            <OpenAlerts count={s.openAlertCount} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">Map</h2>
        <ShipmentMap containerNumber={s.containerNumber} route={s.route} positions={positions} breaches={breaches} last={last} eventsShown={forMap.length} eventCount={s.eventCount} />
      </section>

      <div className="two-columns">
        <section aria-labelledby="alerts-heading" data-testid="alerts">
          <h2 id="alerts-heading">Alerts</h2>
          {s.alerts.length === 0 ? (
            <p className="empty">No alert: every seal event so far fits the declaration and the route.</p>
          ) : (
            <ol className="alerts">
              {s.alerts.map((a) => (
                <Alert key={a.id} alert={a} isOfficer={isOfficer} who={who} containerNumber={s.containerNumber} shipmentId={shipmentId} />
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="seals-heading" data-testid="seals">
          <h2 id="seals-heading">Seals</h2>
          {s.seals.length === 0 ? (
            <p className="empty">No seal registered.</p>
          ) : (
            <table className="results compact">
              <caption className="visually-hidden">Seals of container {s.containerNumber}</caption>
              <thead>
                <tr>
                  <th scope="col">Seal</th>
                  <th scope="col">Type</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {s.seals.map((seal) => (
                  <tr key={seal.identifier}>
                    <td>
                      {seal.type === 'ELECTRONIC' ? (
                        <>
                          <code>{seal.serial ?? seal.identifier}</code>
                          {seal.manufacturer && <span className="muted"> by {seal.manufacturer}</span>}
                        </>
                      ) : (
                        <code>{seal.identifier}</code>
                      )}
                    </td>
                    <td>{seal.type === 'ELECTRONIC' ? 'Electronic (ISO 18185)' : `Mechanical (ISO 17712${seal.sealClass ? `, class ${seal.sealClass}` : ''})`}</td>
                    <td>
                      {seal.source ? SOURCE_LABEL[seal.source] : '—'}
                      {seal.appliedAt && <span className="muted small"> · {formatDateTime(seal.appliedAt)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {timeline.error && (
          <p role="alert" className="error">
            {timeline.error}
          </p>
        )}
        {timeline.page &&
          (timeline.page.edges.length === 0 ? (
            <p className="empty">{after ? 'No more events.' : 'No seal event reported yet.'}</p>
          ) : (
            <>
              <p className="hint">
                {timeline.page.totalCount.toLocaleString('en')} {timeline.page.totalCount === 1 ? 'event' : 'events'}, newest first. Local time is the time at the place of the event.
              </p>
              <div className="table-scroll" role="region" aria-label="Seal events, newest first" tabIndex={0}>
                <table className="results compact seal-events" data-testid="seal-timeline">
                  <caption className="visually-hidden">Seal events, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">Time (local, UTC)</th>
                      <th scope="col">Place and position</th>
                      <th scope="col">Seals</th>
                      <th scope="col" className="num">
                        Battery
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {timeline.page.edges.map(({ node: e }) => {
                      const breach = BREACH_KINDS.includes(e.kind);
                      return (
                        <Fragment key={e.id}>
                          <tr className={breach ? 'event-breach' : undefined} data-kind={e.kind} data-testid="seal-event">
                            <td>
                              <span className={`event-kind event-${e.kind.toLowerCase()}`}>{EVENT_LABEL[e.kind]}</span>
                              {e.source && <span className="muted small"> · {SOURCE_LABEL[e.source]}</span>}
                            </td>
                            <td className="nowrap">
                              <time dateTime={e.localTime}>{formatLocalTime(e.localTime, e.timeZoneOffset)}</time>
                              <br />
                              <span className="muted small">{formatDateTime(e.eventTime)}</span>
                            </td>
                            <td>
                              {e.locode && <span className="event-place">{placeName(e.locode)}</span>}
                              {e.locode && e.latitude !== null && <br />}
                              {e.latitude !== null && e.longitude !== null && <span className="nowrap">{formatPosition(e.latitude, e.longitude)}</span>}
                              {!e.locode && e.latitude === null && <span className="muted">Not reported</span>}
                            </td>
                            <td>
                              {e.sealNumbers.map((n) => (
                                <code key={n} className="seal-number">
                                  {n}
                                </code>
                              ))}
                              {e.eSeal && (
                                <code className="seal-number">
                                  <span className="muted">e-seal</span> {e.eSeal}
                                </code>
                              )}
                              {!e.sealNumbers.length && !e.eSeal && <span className="muted">—</span>}
                            </td>
                            <td className="num">{e.batteryPercent !== null ? `${Math.round(e.batteryPercent)} %` : <span className="muted">—</span>}</td>
                          </tr>
                          {e.alerts.map((a) => (
                            <tr key={a.id} className="event-breach event-alert-row">
                              <td colSpan={5}>
                                <strong>Alert: {ALERT_LABEL[a.kind]}.</strong> {a.reason}
                              </td>
                            </tr>
                          ))}
                        </Fragment>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <Pager after={after} pageInfo={timeline.page.pageInfo} hrefFor={hrefFor} />
            </>
          ))}
      </section>
    </>
  );
}
