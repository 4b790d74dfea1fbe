import type { Metadata } from 'next';
import Link from 'next/link';

import { isFilerRole } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { listWorkQueue } from '../../lib/work-queue/list-work-queue';
import { listWorkQueueViews } from '../../lib/work-queue/list-work-queue-views';
import type { WorkQueueFilters } from '../../lib/work-queue/work-queue-filters';
import { formatDateTime, one, orDash } from '../declarations/_components/format';
import { getActor } from '../session';
import { deleteViewAction, saveViewAction } from './actions';

export const metadata: Metadata = { title: 'Work queue' };
export const dynamic = 'force-dynamic';

const ACTION_LABEL = {
  ANSWER_QUERY: 'Answer the query',
  ANSWER_PERMIT_REQUEST: 'Answer the permit agency',
  FIX_REJECTION: 'Fix and file again',
  PAY_DUTIES: 'Pay duties',
  SUBMIT_DRAFT: 'Submit the draft',
  WAIT_FOR_CUSTOMS: 'With customs',
} as const;

function age(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

export default async function WorkQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!isFilerRole(actor)) {
    return (
      <>
        <h1>Work queue</h1>
        <p className="notice">The work queue is for brokers and traders: officers work from the officer queue.</p>
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
        <h1>Work queue</h1>
        <a className="button" href={`/api/work-queue.csv?${query.toString()}`} data-testid="csv-export">
          Export CSV
        </a>
      </div>
      <p className="lead">Your open declarations{actor.role === 'BROKER' ? ' over all your clients' : ''}, those waiting for you first. {queue.totalCount} in all.</p>

      {views.length > 0 && (
        <nav aria-label="Saved views" className="chips">
          <ul>
            <li>
              <Link className="chip" href="/work-queue">
                Everything
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
          <label htmlFor="wq-status">Status</label>
          <select id="wq-status" name="status" defaultValue={filters.status?.[0] ?? ''}>
            <option value="">Any open</option>
            {['QUERY', 'REJECTED', 'DUTY_ASSESSED', 'DRAFT', 'UNDER_CONTROL', 'ACCEPTED', 'RISK_ASSESSED', 'PAID', 'CANCEL_REQUESTED'].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wq-lane">Lane</label>
          <select id="wq-lane" name="lane" defaultValue={filters.lane ?? ''}>
            <option value="">Any</option>
            <option value="GREEN">GREEN</option>
            <option value="YELLOW">YELLOW</option>
            <option value="RED">RED</option>
          </select>
        </div>
        {clients.length > 0 && (
          <div className="field">
            <label htmlFor="wq-client">Client id</label>
            <input id="wq-client" name="clientId" defaultValue={filters.clientId ?? ''} />
          </div>
        )}
        <div className="field">
          <label htmlFor="wq-from">Changed from</label>
          <input id="wq-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="wq-to">to</label>
          <input id="wq-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <form action={saveViewAction} className="button-row">
        <input type="hidden" name="filters" value={JSON.stringify(filters)} />
        <label htmlFor="wq-view-name">Save these filters as</label>
        <input id="wq-view-name" name="name" required maxLength={80} placeholder="e.g. Queries of Rotterdam Importers" />
        <button type="submit" className="button-link">
          Save view
        </button>
      </form>
      {view && (
        <form action={deleteViewAction}>
          <input type="hidden" name="id" value={view.id} />
          <button type="submit" className="button-link">
            Delete the view “{view.name}”
          </button>
        </form>
      )}

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {queue.nodes.length === 0 ? (
        <p className="empty-state">Nothing waiting.</p>
      ) : (
        <table className="results" data-testid="work-queue">
          <thead>
            <tr>
              <th scope="col">To do</th>
              <th scope="col">Client</th>
              <th scope="col">Declaration</th>
              <th scope="col">Status</th>
              <th scope="col">Lane</th>
              <th scope="col">Duties</th>
              <th scope="col">Age</th>
            </tr>
          </thead>
          <tbody>
            {queue.nodes.map((n) => (
              <tr key={n.declarationId} data-testid="work-queue-row" data-action={n.action} data-id={n.declarationId}>
                <td>{n.action === 'WAIT_FOR_CUSTOMS' ? <span className="muted">{ACTION_LABEL[n.action]}</span> : <strong>{ACTION_LABEL[n.action]}</strong>}</td>
                <td>{orDash(n.clientName)}</td>
                <td>
                  <Link href={`/declarations/${n.declarationId}`}>{n.mrn ?? n.lrn}</Link>
                </td>
                <td>{n.status}</td>
                <td>{orDash(n.lane)}</td>
                <td>{orDash(n.dutyTotal)}</td>
                <td title={formatDateTime(n.changedAt)}>{age(n.ageSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.hasNextPage && queue.endCursor && (
        <p className="pager">
          <Link href={`/work-queue?${query.toString()}&after=${queue.endCursor}`}>Next page</Link>
        </p>
      )}
    </>
  );
}
