import type { Metadata } from 'next';
import Link from 'next/link';

import { isCompanyAdministrator } from '../../../lib/auth/policy';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '../../../lib/notifications/event-types';
import { listWebhookDeliveries } from '../../../lib/notifications/list-webhook-deliveries';
import { listWebhookEndpoints } from '../../../lib/notifications/list-webhook-endpoints';
import { formatDateTime, one, orDash } from '../../declarations/_components/format';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { webhookButtonAction } from './actions';
import { CreateWebhookForm, RotateSecretForm } from './webhook-forms';

export const metadata: Metadata = { title: 'Webhooks' };
export const dynamic = 'force-dynamic';

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>Webhooks</h1>
        <NotAllowed actor={actor} title="Only administrators of your company register webhooks." />
      </>
    );
  }
  const params = await searchParams;
  const endpoints = await listWebhookEndpoints({ actor });
  const selected = endpoints.find((e) => e.id === one(params.endpoint));
  const log = selected ? await listWebhookDeliveries({ actor, endpointId: selected.id, first: 50 }) : null;
  const eventTypes = EVENT_TYPE_NAMES.map((name) => ({ name, title: EVENT_TYPES[name].title }));
  return (
    <>
      <h1>Webhooks</h1>
      <p className="lead">
        Clearway POSTs each event your company may see to your endpoints, signed per <a href="https://www.standardwebhooks.com">Standard Webhooks</a>, retried for a day when
        your side is down. See docs/notifications.md for the contract.
      </p>
      <CompanyNav current="webhooks" />
      {one(params.done) && (
        <p role="status" className="notice notice-success" data-testid="success">
          {one(params.done) === 'test' ? 'A test event is on its way.' : one(params.done)?.startsWith('replayed-') ? `${one(params.done)!.slice(9)} deliveries queued again.` : 'Done.'}
        </p>
      )}
      <section className="panel" aria-labelledby="webhook-create">
        <h2 id="webhook-create">Register an endpoint</h2>
        <CreateWebhookForm eventTypes={eventTypes} />
      </section>
      {endpoints.length > 0 && (
        <table className="results" data-testid="webhook-endpoints">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id} data-testid="webhook-endpoint">
                <td>
                  <Link href={`/company/webhooks?endpoint=${e.id}`}>{e.url}</Link>
                  <br />
                  <span className="muted">{e.description}</span>
                </td>
                <td>{e.eventTypes.length ? e.eventTypes.join(', ') : 'All'}</td>
                <td>
                  {e.disabledAt ? <span className="badge badge-bad">Disabled: {e.disabledReason}</span> : e.failingSince ? <span className="badge badge-warn">Failing since {formatDateTime(e.failingSince)}</span> : <span className="badge badge-ok">Active</span>}
                </td>
                <td>
                  <form action={webhookButtonAction} className="button-row">
                    <input type="hidden" name="id" value={e.id} />
                    <button type="submit" name="do" value="test" className="button-link">
                      Send test event
                    </button>
                    <button type="submit" name="do" value={e.disabledAt ? 'enable' : 'disable'} className="button-link">
                      {e.disabledAt ? 'Enable' : 'Disable'}
                    </button>
                    <button type="submit" name="do" value="delete" className="button-link">
                      Delete
                    </button>
                  </form>
                  <RotateSecretForm id={e.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && log && (
        <section className="panel" aria-labelledby="webhook-log">
          <h2 id="webhook-log">Delivery log of {selected.url}</h2>
          <form action={webhookButtonAction} className="button-row">
            <input type="hidden" name="id" value={selected.id} />
            <label htmlFor="replay-since">Replay everything since</label>
            <input id="replay-since" name="since" type="datetime-local" required />
            <button type="submit" name="do" value="replay" className="button-link">
              Replay
            </button>
          </form>
          <table className="results" data-testid="webhook-log">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Event</th>
                <th scope="col">State</th>
                <th scope="col">Attempts (status, latency, error)</th>
              </tr>
            </thead>
            <tbody>
              {log.nodes.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td>
                    {d.eventType} <code className="muted">{d.id}</code>
                  </td>
                  <td>{d.state}</td>
                  <td>
                    {d.attempts.map((a) => (
                      <div key={a.id}>
                        #{a.number}: {orDash(a.statusCode)} {a.latencyMs !== null ? `${a.latencyMs} ms` : ''} {a.error ?? ''}
                        {a.responseExcerpt ? <pre className="muted">{a.responseExcerpt.slice(0, 200)}</pre> : null}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
