import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isBroker, isOfficer } from '../../lib/auth/policy';
import { listShipments } from '../../lib/tracking/list-shipments';
import { EmptyState, ListCount, ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { one } from '../declarations/_components/format';
import { When } from '../_i18n/when';
import { getActor } from '../session';
import { LiveRefresh } from './_components/live-refresh';
import { OpenAlerts, SealStatusBadge } from './_components/seal-status';
import { getTrackingStamp } from '../../lib/tracking/get-tracking-stamp';
import { isShipmentStatus, placeName, SHIPMENT_STATUSES, trackingHref, type ShipmentStatus } from './_components/tracking-format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tracking'))('title') };
}
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
interface Filters {
  status?: ShipmentStatus;
  alerts?: boolean;
  container?: string;
  after?: string;
}

function href({ status, alerts, container, after }: Filters): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (alerts) query.set('alerts', 'open');
  if (container) query.set('container', container);
  if (after) query.set('after', after);
  const s = query.toString();
  return s ? `/tracking?${s}` : '/tracking';
}

export default async function TrackingPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const statusParam = one(params.status);
  const status = isShipmentStatus(statusParam) ? statusParam : undefined;
  const alerts = one(params.alerts) === 'open';
  const container = (one(params.container) ?? '').trim().toUpperCase().slice(0, 11) || undefined;
  const after = one(params.after);
  const [actor, t] = await Promise.all([getActor(), getTranslations('tracking')]);
  const renderedAt = new Date();

  const count = (filter: Parameters<typeof listShipments>[0]['filter']) => listShipments({ actor, filter, first: 1 }).then((p) => p.totalCount);
  const [listed, total, withAlerts, ...perStatus] = await Promise.all([
    readListPage(listShipments({ actor, filter: { status: status ? [status] : undefined, withOpenAlerts: alerts || undefined, containerNumber: container }, first: PAGE_SIZE, after })),
    // Counts for the filter chips (a count query each, under the same visibility rule).
    count({}),
    count({ withOpenAlerts: true }),
    ...SHIPMENT_STATUSES.map((s) => count({ status: [s] })),
  ]);
  const stamp = await getTrackingStamp(actor, {});
  const { page, error } = listed;
  const countOf = (s: ShipmentStatus) => perStatus[SHIPMENT_STATUSES.indexOf(s)] ?? 0;
  const filtered = !!status || alerts || !!container;
  const officer = isOfficer(actor);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{officer ? t('headingOfficer') : t('headingFiler')}</h1>
          <p className="lead">
{officer ? t('leadOfficer') : isBroker(actor) ? t('leadBroker') : t('leadFiler')}
          </p>
        </div>
        <LiveRefresh renderedAt={renderedAt.toISOString()} stamp={stamp} />
      </div>

      {total > 0 && (
        <nav aria-label={t('filterNav')} className="chips">
          <ul>
            <li>
              <Link href={href({ container })} className="chip" aria-current={!status && !alerts ? 'page' : undefined}>
                {t('all')} <span className="chip-count">{total}</span>
              </Link>
            </li>
            {SHIPMENT_STATUSES.map((s) => (
              <li key={s}>
                <Link href={href({ status: s, alerts, container })} className="chip" aria-current={status === s ? 'page' : undefined}>
                  {t(`sealStatus.${s}`)} <span className="chip-count">{countOf(s)}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href={href({ status, alerts: !alerts, container })} className="chip chip-alerts" aria-current={alerts ? 'page' : undefined}>
                {t('withOpenAlerts')} <span className="chip-count">{withAlerts}</span>
              </Link>
            </li>
          </ul>
        </nav>
      )}

      {total > 0 && (
        <SearchForm action="/tracking" keep={{ status, alerts: alerts ? 'open' : undefined }} submit={t('find')} reset={filtered ? { href: '/tracking', label: t('clearFilters') } : undefined}>
          <SearchField id="container" label={t('containerNumber')} defaultValue={container} maxLength={11} uppercase />
        </SearchForm>
      )}

      <ListError error={error} />

      {page && (
        <section aria-labelledby="list-heading">
          <ListCount
            id="list-heading"
            hidden={total === 0}
            count={page.totalCount}
            text={t('count', { count: page.totalCount, status: status ?? 'none', alerts: alerts ? 'yes' : 'no', container: container ?? 'none' })}
          />
          {page.edges.length === 0 ? (
            total === 0 ? (
              <EmptyState>
                <p>{officer ? t('emptyOfficer') : t('emptyFiler')}</p>
                <p className="hint">{t('emptyHint')}</p>
              </EmptyState>
            ) : (
              <NoResults>
                {t.rich('noMatch', { link: (chunks) => <Link href="/tracking">{chunks}</Link> })}
              </NoResults>
            )
          ) : (
            <ResultsTable label={t('tableLabel')} testId="shipments-table">
              <thead>
                <tr>
                  <th scope="col">{t('colContainer')}</th>
                  <th scope="col">{t('colDeclaration')}</th>
                  <th scope="col">{t('colRoute')}</th>
                  <th scope="col">{t('colSealStatus')}</th>
                  <th scope="col">{t('lastEvent')}</th>
                  <th scope="col">{t('openAlerts')}</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: s }) => (
                  <tr key={s.id} data-container={s.containerNumber}>
                    <td>
                      {/* No prefetch: the live view's refresh would prefetch every row again. */}
                      <Link href={trackingHref(s)} prefetch={false}>
                        <code>{s.containerNumber}</code>
                      </Link>
                      {s.closedAt && <span className="muted small nowrap"> · {t('journeyClosedShort')}</span>}
                    </td>
                    <td className="nowrap">
                      <Link href={`/declarations/${s.declaration.id}`} prefetch={false}>
                        {s.declaration.lrn}
                      </Link>
                    </td>
                    <td>
                      {placeName(s.originLocode)} <span aria-hidden="true">→</span>
                      <span className="visually-hidden"> {t('routeTo')} </span> {placeName(s.destinationLocode)}
                    </td>
                    <td>
                      <SealStatusBadge status={s.status} />
                    </td>
                    <td className="nowrap">{s.lastEventAt ? <When date={s.lastEventAt} /> : <span className="muted">{t('noEventYet')}</span>}</td>
                    <td className="nowrap">
                      <OpenAlerts count={s.openAlertCount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <Pager after={after} pageInfo={page.pageInfo} hrefFor={(next) => href({ status, alerts, container, after: next })} />
        </section>
      )}
    </>
  );
}
