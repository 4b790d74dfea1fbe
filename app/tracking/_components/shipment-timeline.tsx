// A page of the shipment's seal events, newest first, each with the alerts it raised.
import { useTranslations } from 'next-intl';
import { Fragment } from 'react';

import type { ShipmentDetail } from '../../../lib/tracking/get-shipment-detail';
import { ListError, NoResults, ResultsTable } from '../../_components/list/list-parts';
import { Pager } from '../../_components/list/pager';
import { When } from '../../_i18n/when';
import { BREACH_KINDS, formatLocalTime, formatPosition, placeName } from './tracking-format';

export function ShipmentTimeline({ timeline, after, hrefFor }: { timeline: ShipmentDetail['timeline']; after?: string; hrefFor: (after?: string) => string }) {
  const t = useTranslations('tracking');
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timelineHeading')}</h2>
      <ListError error={timeline.error} />
      {timeline.page &&
        (timeline.page.edges.length === 0 ? (
          <NoResults>{after ? t('noMoreEvents') : t('noEvents')}</NoResults>
        ) : (
          <>
            <p className="hint">
              {t('eventCount', { count: timeline.page.totalCount })}
            </p>
            <ResultsTable label={t('timelineLabel')} className="results compact seal-events" testId="seal-timeline">
              <thead>
                <tr>
                  <th scope="col">{t('colEvent')}</th>
                  <th scope="col">{t('colTime')}</th>
                  <th scope="col">{t('colPlace')}</th>
                  <th scope="col">{t('sealsHeading')}</th>
                  <th scope="col" className="num">
                    {t('colBattery')}
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
                          <span className={`event-kind event-${e.kind.toLowerCase()}`}>{t(`eventKind.${e.kind}`)}</span>
                          {e.source && <span className="muted small"> · {t(`source.${e.source}`)}</span>}
                        </td>
                        <td className="nowrap">
                          <time dateTime={e.localTime}>{formatLocalTime(e.localTime, e.timeZoneOffset)}</time>
                          <br />
                          <span className="muted small">
                            <When date={e.eventTime} />
                          </span>
                        </td>
                        <td>
                          {e.locode && <span className="event-place">{placeName(e.locode)}</span>}
                          {e.locode && e.latitude !== null && <br />}
                          {e.latitude !== null && e.longitude !== null && <span className="nowrap">{formatPosition(e.latitude, e.longitude)}</span>}
                          {!e.locode && e.latitude === null && <span className="muted">{t('notReported')}</span>}
                        </td>
                        <td>
                          {e.sealNumbers.map((n) => (
                            <code key={n} className="seal-number">
                              {n}
                            </code>
                          ))}
                          {e.eSeal && (
                            <code className="seal-number">
                              <span className="muted">{t('eSeal')}</span> {e.eSeal}
                            </code>
                          )}
                          {!e.sealNumbers.length && !e.eSeal && <span className="muted">—</span>}
                        </td>
                        <td className="num">{e.batteryPercent !== null ? t('battery', { percent: Math.round(e.batteryPercent) }) : <span className="muted">—</span>}</td>
                      </tr>
                      {e.alerts.map((a) => (
                        <tr key={a.id} className="event-breach event-alert-row">
                          <td colSpan={5}>
                            <strong>{t('alertRow', { kind: t(`alertKind.${a.kind}`) })}</strong> {a.reason}
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
