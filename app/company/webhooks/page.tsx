import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isCompanyAdministrator } from '../../../lib/auth/policy';
import { EVENT_TYPE_NAMES } from '../../../lib/notifications/event-types';
import { listWebhookDeliveries } from '../../../lib/notifications/list-webhook-deliveries';
import { listWebhookEndpoints } from '../../../lib/notifications/list-webhook-endpoints';
import { one, orDash } from '../../declarations/_components/format';
import { eventTypeTitle } from '../../_i18n/event-type-title';
import { When } from '../../_i18n/when';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { webhookButtonAction } from './actions';
import { CreateWebhookForm, RotateSecretForm } from './webhook-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('webhooks'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, t, email] = await Promise.all([getActor(), getTranslations('webhooks'), getTranslations('email')]);
  if (!isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <NotAllowed actor={actor} title={t('onlyAdmins')} />
      </>
    );
  }
  const params = await searchParams;
  const endpoints = await listWebhookEndpoints({ actor });
  const selected = endpoints.find((e) => e.id === one(params.endpoint));
  const log = selected ? await listWebhookDeliveries({ actor, endpointId: selected.id, first: 50 }) : null;
  const eventTypes = EVENT_TYPE_NAMES.map((name) => ({ name, title: eventTypeTitle(email, name) }));
  const done = one(params.done);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t.rich('lead', { link: (chunks) => <a href="https://www.standardwebhooks.com">{chunks}</a> })}</p>
      <CompanyNav current="webhooks" />
      {done && (
        <p role="status" className="notice notice-success" data-testid="success">
          {done === 'test' ? t('testSent') : done.startsWith('replayed-') ? t('replayed', { count: Number(done.slice(9)) || 0 }) : t('done')}
        </p>
      )}
      <section className="panel" aria-labelledby="webhook-create">
        <h2 id="webhook-create">{t('register')}</h2>
        <CreateWebhookForm eventTypes={eventTypes} />
      </section>
      {endpoints.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('endpoints')}>
          <table className="results" data-testid="webhook-endpoints">
            <thead>
              <tr>
                <th scope="col">{t('url')}</th>
                <th scope="col">{t('events')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('actions')}</th>
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
                  <td>{e.eventTypes.length ? e.eventTypes.join(', ') : t('all')}</td>
                  <td>
                    {e.disabledAt ? (
                      <span className="badge badge-bad">{t('disabledBecause', { reason: e.disabledReason ?? '' })}</span>
                    ) : e.failingSince ? (
                      <span className="badge badge-warn">{t.rich('failingSince', { when: () => <When date={e.failingSince} /> })}</span>
                    ) : (
                      <span className="badge badge-ok">{t('active')}</span>
                    )}
                  </td>
                  <td>
                    <form action={webhookButtonAction} className="button-row">
                      <input type="hidden" name="id" value={e.id} />
                      <button type="submit" name="do" value="test" className="button-link">
                        {t('sendTest')}
                      </button>
                      <button type="submit" name="do" value={e.disabledAt ? 'enable' : 'disable'} className="button-link">
                        {e.disabledAt ? t('enable') : t('disable')}
                      </button>
                      <button type="submit" name="do" value="delete" className="button-link">
                        {t('delete')}
                      </button>
                    </form>
                    <RotateSecretForm id={e.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && log && (
        <section className="panel" aria-labelledby="webhook-log">
          <h2 id="webhook-log">{t('log', { url: selected.url })}</h2>
          <form action={webhookButtonAction} className="button-row">
            <input type="hidden" name="id" value={selected.id} />
            <label htmlFor="replay-since">{t('replaySince')}</label>
            <input id="replay-since" name="since" type="datetime-local" required />
            <button type="submit" name="do" value="replay" className="button-link">
              {t('replay')}
            </button>
          </form>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="webhook-log">
            <table className="results" data-testid="webhook-log">
              <thead>
                <tr>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">{t('event')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {log.nodes.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <When date={d.createdAt} />
                    </td>
                    <td>
                      {d.eventType} <code className="muted">{d.id}</code>
                    </td>
                    <td>{d.state}</td>
                    <td>
                      {d.attempts.map((a) => (
                        <div key={a.id}>
                          #{a.number}: {orDash(a.statusCode)} {a.latencyMs !== null ? t('ms', { ms: a.latencyMs }) : ''} {a.error ?? ''}
                          {a.responseExcerpt ? <pre className="muted">{a.responseExcerpt.slice(0, 200)}</pre> : null}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
