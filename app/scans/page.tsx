import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isOfficer } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { listScanQueue, type ScanQueuePage } from '../../lib/scans/list-scan-queue';
import { listScansAwaitingInspection, type ScanAwaitingInspection } from '../../lib/scans/list-scans-awaiting-inspection';
import { canReadScans } from '../../lib/scans/scan-access';
import { EmptyState, ListError, NoResults, ResultsTable } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { When } from '../_i18n/when';
import { one } from '../declarations/_components/format';
import { getActor } from '../session';
import { scanSubject } from './labels';
import { ClaimScanButton } from './scan-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('scans.queue'))('title') };
}
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
interface Filters {
  station?: string;
  country?: string;
  container?: string;
  late?: string;
  unclaimed?: string;
}

function href(f: Filters & { after?: string }): string {
  const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return s ? `/scans?${s}` : '/scans';
}

/** The image analysts' one queue across every station, and (for officers) the scans awaiting physical inspection. */
export default async function ScansPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters: Filters = {
    station: one(params.station)?.trim().toUpperCase().slice(0, 40) || undefined,
    country: one(params.country)?.trim().toUpperCase().slice(0, 2) || undefined,
    container: one(params.container)?.trim().toUpperCase().slice(0, 11) || undefined,
    late: one(params.late) === '1' ? '1' : undefined,
    unclaimed: one(params.unclaimed) === '1' ? '1' : undefined,
  };
  const after = one(params.after);
  const [actor, t] = await Promise.all([getActor(), getTranslations('scans.queue')]);
  if (!canReadScans(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p role="alert">{t('forbidden')}</p>
      </>
    );
  }
  const analyst = actor.role === 'IMAGE_ANALYST';
  let page: ScanQueuePage | null = null;
  let error: string | null = null;
  try {
    page = await listScanQueue({
      actor,
      filter: { stationCode: filters.station, country: filters.country, containerNumber: filters.container, lateOnly: !!filters.late, unclaimedOnly: !!filters.unclaimed },
      first: PAGE_SIZE,
      after,
    });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'BAD_USER_INPUT') throw e;
    error = e.message;
  }
  const inspections: ScanAwaitingInspection[] = isOfficer(actor) || actor.role === 'ADMIN' ? await listScansAwaitingInspection({ actor }) : [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="lead">{analyst ? t('leadAnalyst') : t('leadOfficer')}</p>
        </div>
      </div>

      {inspections.length > 0 && (
        <section aria-labelledby="inspections-heading">
          <h2 id="inspections-heading">{t('inspectionsHeading', { count: inspections.length })}</h2>
          <ResultsTable label={t('inspectionsHeading', { count: inspections.length })} testId="scan-inspections">
            <thead>
              <tr>
                <th scope="col">{t('container')}</th>
                <th scope="col">{t('station')}</th>
                <th scope="col">{t('decidedAt')}</th>
                <th scope="col">{t('labels')}</th>
                <th scope="col">{t('declaration')}</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map((s) => (
                <tr key={s.scanId} data-scan={s.scanId}>
                  <td>
                    <Link href={`/scans/${s.scanId}`}>{scanSubject(s)}</Link>
                  </td>
                  <td>
                    <code>{s.stationCode}</code>
                  </td>
                  <td>
                    <When date={s.decidedAt} />
                  </td>
                  <td>{s.labels.map((l) => t(`label.${l}`)).join(', ')}</td>
                  <td>{s.declaration ? <Link href={`/declarations/${s.declaration.id}`}>{s.declaration.lrn}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        </section>
      )}

      <ListError error={error} />

      {page && (
        <>
          <p data-testid="queue-summary">{t('summary', { count: page.totalCount, late: page.lateCount, sla: page.slaMinutes })}</p>

          <form role="search" method="get" action="/scans" className="search-form" aria-label={t('filters')}>
            <div className="field">
              <label htmlFor="f-station">{t('station')}</label>
              <select id="f-station" name="station" defaultValue={filters.station ?? ''}>
                <option value="">{t('anyStation')}</option>
                {page.byStation.map((s) => (
                  <option key={s.stationCode} value={s.stationCode}>
                    {s.stationCode} — {s.stationName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field width-s">
              <label htmlFor="f-country">{t('country')}</label>
              <input id="f-country" name="country" defaultValue={filters.country ?? ''} maxLength={2} className="uppercase" autoComplete="off" />
            </div>
            <div className="field width-s">
              <label htmlFor="f-container">{t('container')}</label>
              <input id="f-container" name="container" defaultValue={filters.container ?? ''} maxLength={11} className="uppercase" autoComplete="off" spellCheck={false} />
            </div>
            <div className="field">
              <label className="checkbox">
                <input type="checkbox" name="late" value="1" defaultChecked={!!filters.late} /> {t('lateOnly')}
              </label>
              <label className="checkbox">
                <input type="checkbox" name="unclaimed" value="1" defaultChecked={!!filters.unclaimed} /> {t('unclaimedOnly')}
              </label>
            </div>
            <div className="button-row">
              <button type="submit">{t('apply')}</button>
              {filtered && (
                <Link href="/scans" className="reset-link">
                  {t('clear')}
                </Link>
              )}
            </div>
          </form>

          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">{t('queueHeading')}</h2>
            {page.edges.length === 0 ? (
              filtered ? (
                <NoResults>
                  {t('noMatch')} <Link href="/scans">{t('showAll')}</Link>.
                </NoResults>
              ) : (
                <EmptyState>
                  <p data-testid="queue-empty">{t('empty')}</p>
                </EmptyState>
              )
            ) : (
              <ResultsTable label={t('queueHeading')} testId="scan-queue">
                <thead>
                  <tr>
                    <th scope="col">{t('container')}</th>
                    <th scope="col">{t('station')}</th>
                    <th scope="col">{t('received')}</th>
                    <th scope="col">{t('sla')}</th>
                    <th scope="col">{t('priority')}</th>
                    <th scope="col">{t('claimedBy')}</th>
                    {analyst && <th scope="col">{t('action')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {page.edges.map(({ node: n }) => {
                    const mine = n.claimedById === actor.userId;
                    return (
                      <tr key={n.scanId} data-scan={n.scanId} data-container={n.containerNumber ?? ''}>
                        <td>
                          <Link href={`/scans/${n.scanId}`}>{scanSubject(n)}</Link>
                        </td>
                        <td>
                          <code>{n.stationCode}</code>
                        </td>
                        <td>
                          <When date={n.receivedAt} />
                        </td>
                        <td>
                          {n.late ? (
                            <span className="badge badge-bad" data-testid="late">
                              {t('late', { minutes: n.waitingMinutes })}
                            </span>
                          ) : (
                            <span className="badge badge-neutral">{t('onTime', { minutes: n.waitingMinutes, left: Math.max(0, page.slaMinutes - n.waitingMinutes) })}</span>
                          )}
                        </td>
                        <td>
                          <strong>{n.priority}</strong>
                          <br />
                          <span className="muted">
                            {[
                              n.lane ? t('reasonLane', { lane: n.lane }) : t('reasonNoLane'),
                              ...(n.openAlerts ? [t('reasonAlerts', { count: n.openAlerts })] : []),
                              ...(n.riskScore ? [t('reasonRisk', { score: n.riskScore })] : []),
                              t('reasonWaiting', { minutes: n.waitingMinutes }),
                            ].join(' · ')}
                          </span>
                        </td>
                        <td data-testid="claimed-by">{n.claimedByName ? (mine ? t('claimedByYou') : n.claimedByName) : <span className="muted">{t('unclaimed')}</span>}</td>
                        {analyst && (
                          <td>
                            {mine ? (
                              <Link href={`/scans/${n.scanId}`}>{t('continue')}</Link>
                            ) : n.claimedByName ? (
                              <span className="muted">{t('heldByOther')}</span>
                            ) : (
                              <ClaimScanButton id={n.scanId} label={t('claimLabel', { subject: scanSubject(n) })} />
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </ResultsTable>
            )}
            <Pager after={after} pageInfo={page.pageInfo} hrefFor={(a) => href({ ...filters, after: a })} />
          </section>

          <section aria-labelledby="load-heading">
            <h2 id="load-heading">{t('loadHeading')}</h2>
            {page.byStation.length === 0 ? (
              <p>{t('noStations')}</p>
            ) : (
              <ResultsTable label={t('loadHeading')} testId="station-load">
                <thead>
                  <tr>
                    <th scope="col">{t('station')}</th>
                    <th scope="col">{t('country')}</th>
                    <th scope="col">{t('awaiting')}</th>
                    <th scope="col">{t('lateCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.byStation.map((s) => (
                    <tr key={s.stationCode}>
                      <th scope="row">
                        <Link href={href({ station: s.stationCode })}>{s.stationCode}</Link> <span className="muted">{s.stationName}</span>
                      </th>
                      <td>{s.country}</td>
                      <td>{s.awaiting}</td>
                      <td>{s.late}</td>
                    </tr>
                  ))}
                </tbody>
              </ResultsTable>
            )}
          </section>
        </>
      )}
    </>
  );
}
