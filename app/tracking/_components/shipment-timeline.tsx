// A page of the shipment's seal events, newest first, each with the alerts it raised.
import { Fragment } from 'react';

import type { ShipmentDetail } from '../../../lib/tracking/get-shipment-detail';
import { ListError, NoResults, ResultsTable } from '../../_components/list/list-parts';
import { Pager } from '../../_components/list/pager';
import { formatDateTime } from '../../declarations/_components/format';
import { ALERT_LABEL, BREACH_KINDS, EVENT_LABEL, formatLocalTime, formatPosition, placeName, SOURCE_LABEL } from './tracking-format';

export function ShipmentTimeline({ timeline, after, hrefFor }: { timeline: ShipmentDetail['timeline']; after?: string; hrefFor: (after?: string) => string }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ListError error={timeline.error} />
      {timeline.page &&
        (timeline.page.edges.length === 0 ? (
          <NoResults>{after ? 'No more events.' : 'No seal event reported yet.'}</NoResults>
        ) : (
          <>
            <p className="hint">
              {timeline.page.totalCount.toLocaleString('en')} {timeline.page.totalCount === 1 ? 'event' : 'events'}, newest first. Local time is the time at the place of the event.
            </p>
            <ResultsTable label="Seal events, newest first" className="results compact seal-events" testId="seal-timeline">
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
            </ResultsTable>
            <Pager after={after} pageInfo={timeline.page.pageInfo} hrefFor={hrefFor} />
          </>
        ))}
    </section>
  );
}
