import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

import { isFilerRole } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { listWorkQueue } from '../../lib/work-queue/list-work-queue';
import { listWorkQueueViews } from '../../lib/work-queue/list-work-queue-views';
import type { WorkQueueFilters } from '../../lib/work-queue/work-queue-filters';
import { one, orDash } from '../declarations/_components/format';
import { LaneBadge, StatusBadge } from '../declarations/_components/status';
import { getActor } from '../session';
import { deleteViewAction, saveViewAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workQueue'))('title') };
}
export const dynamic = 'force-dynamic';

const OPEN_STATUSES = ['QUERY', 'REJECTED', 'DUTY_ASSESSED', 'DRAFT', 'UNDER_CONTROL', 'ACCEPTED', 'RISK_ASSESSED', 'PAID', 'CANCEL_REQUESTED'] as const;

function age(t: (key: 'ageMinutes' | 'ageHours' | 'ageDays', values: { n: number }) => string, seconds: number): string {
  if (seconds < 3600) return t('ageMinutes', { n: Math.max(1, Math.round(seconds / 60)) });
  if (seconds < 86_400) return t('ageHours', { n: Math.round(seconds / 3600) });
  return t('ageDays', { n: Math.round(seconds / 86_400) });
}

export default async function WorkQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, t, statusName, laneName, format] = await Promise.all([getActor(), getTranslations('workQueue'), getTranslations('status'), getTranslations('lane'), getFormatter()]);
  if (!isFilerRole(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice">{t('notForOfficers')}</p>
      </>
    );
  }
  const params = await searchParams;
  const views = await listWorkQueueViews({ actor });
  const view = views.find((v) => v.id === one(params.view));
  const status = ([] as string[]).concat(params.status ?? []).filter(Boolean);
  const filters: WorkQueueFilters = view?.filters ?? {
    ...(one(params.clientId) ? { clientId: one(params.clientId) } : {}),
    ...(status.length ? { status: status as WorkQueueFilters['status'] } : {}),
    ...(one(params.lane) ? { lane: one(params.lane) as WorkQueueFilters['lane'] } : {}),
    ...(one(params.from) ? { from: one(params.from) } : {}),
    ...(one(params.to) ? { to: one(params.to) } : {}),
  };
  let error: string | null = null;
  let queue: Awaited<ReturnType<typeof listWorkQueue>> = { nodes: [], hasNextPage: false, endCursor: null, totalCount: 0 };
  try {
    queue = await listWorkQueue({ actor, filters, first: 100, after: one(params.after) ?? null });
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = (e.details.fieldErrors ?? []).map((f) => f.message).join(' ') || e.message;
  }
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) for (const x of ([] as string[]).concat(v as string | string[])) query.append(k, x);
  const clients = actor.clients.length ? actor.clients.map((g) => g.clientId) : [];

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <a className="button" href={`/api/work-queue.csv?${query.toString()}`} data-testid="csv-export">
          {t('exportCsv')}
        </a>
      </div>
      <p className="lead">{t('lead', { broker: actor.role === 'BROKER' ? 'yes' : 'no', count: queue.totalCount })}</p>

      {views.length > 0 && (
        <nav aria-label={t('savedViews')} className="chips">
          <ul>
            <li>
              <Link className="chip" href="/work-queue">
                {t('everything')}
              </Link>
            </li>
            {views.map((v) => (
              <li key={v.id}>
                <Link className="chip" href={`/work-queue?view=${v.id}`} aria-current={v.id === view?.id ? 'page' : undefined}>
                  {v.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <form className="search-form" method="get" action="/work-queue">
        <div className="field">
          <label htmlFor="wq-status">{t('status')}</label>
          <select id="wq-status" name="status" defaultValue={filters.status?.[0] ?? ''}>
            <option value="">{t('anyOpen')}</option>
            {OPEN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wq-lane">{t('lane')}</label>
          <select id="wq-lane" name="lane" defaultValue={filters.lane ?? ''}>
            <option value="">{t('any')}</option>
            <option value="GREEN">{laneName('GREEN')}</option>
            <option value="YELLOW">{laneName('YELLOW')}</option>
            <option value="RED">{laneName('RED')}</option>
          </select>
        </div>
        {clients.length > 0 && (
          <div className="field">
            <label htmlFor="wq-client">{t('clientId')}</label>
            <input id="wq-client" name="clientId" defaultValue={filters.clientId ?? ''} />
          </div>
        )}
        <div className="field">
          <label htmlFor="wq-from">{t('changedFrom')}</label>
          <input id="wq-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="wq-to">{t('changedTo')}</label>
          <input id="wq-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <button type="submit" className="button">
          {t('filter')}
        </button>
      </form>
      <form action={saveViewAction} className="button-row">
        <input type="hidden" name="filters" value={JSON.stringify(filters)} />
        <label htmlFor="wq-view-name">{t('saveAs')}</label>
        <input id="wq-view-name" name="name" required maxLength={80} placeholder={t('saveAsPlaceholder')} />
        <button type="submit" className="button-link">
          {t('saveView')}
        </button>
      </form>
      {view && (
        <form action={deleteViewAction}>
          <input type="hidden" name="id" value={view.id} />
          <button type="submit" className="button-link">
            {t('deleteView', { name: view.name })}
          </button>
        </form>
      )}

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {queue.nodes.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="results" data-testid="work-queue">
            <thead>
              <tr>
                <th scope="col">{t('toDo')}</th>
                <th scope="col">{t('client')}</th>
                <th scope="col">{t('declaration')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('lane')}</th>
                <th scope="col">{t('duties')}</th>
                <th scope="col">{t('age')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.nodes.map((n) => (
                <tr key={n.declarationId} data-testid="work-queue-row" data-action={n.action} data-id={n.declarationId}>
                  <td>{n.action === 'WAIT_FOR_CUSTOMS' ? <span className="muted">{t(`action.${n.action}`)}</span> : <strong>{t(`action.${n.action}`)}</strong>}</td>
                  <td>{orDash(n.clientName)}</td>
                  <td>
                    <Link href={`/declarations/${n.declarationId}`}>{n.mrn ?? n.lrn}</Link>
                  </td>
                  <td>
                    <StatusBadge status={n.status} />
                  </td>
                  <td>{n.lane ? <LaneBadge lane={n.lane} /> : '—'}</td>
                  <td>{orDash(n.dutyTotal)}</td>
                  <td title={format.dateTime(n.changedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', timeZoneName: 'short' })}>{age(t, n.ageSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.hasNextPage && queue.endCursor && (
        <p className="pager">
          <Link href={`/work-queue?${query.toString()}&after=${queue.endCursor}`}>{t('nextPage')}</Link>
        </p>
      )}
    </>
  );
}
