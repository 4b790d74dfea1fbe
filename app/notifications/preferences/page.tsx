import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { getNotificationPreferences } from '../../../lib/notifications/get-notification-preferences';
import { one } from '../../declarations/_components/format';
import { eventTypeTitle } from '../../_i18n/event-type-title';
import { getActor } from '../../session';
import { savePreferencesAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notificationPreferences'))('title') };
}
export const dynamic = 'force-dynamic';

const CHANNELS = ['INBOX', 'EMAIL', 'DIGEST'] as const;

export default async function PreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, params, t, email] = await Promise.all([getActor(), searchParams, getTranslations('notificationPreferences'), getTranslations('email')]);
  const preferences = (await getNotificationPreferences({ actor })).map((p) => ({ ...p, title: eventTypeTitle(email, p.eventType) }));
  const channels = CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {one(params.done) === 'saved' && (
        <p role="status" className="notice notice-success" data-testid="success">
          {t('saved')}
        </p>
      )}
      <form action={savePreferencesAction}>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="results">
            <thead>
              <tr>
                <th scope="col">{t('event')}</th>
                {channels.map((c) => (
                  <th scope="col" key={c.value}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preferences.map((p) => (
                <tr key={p.eventType}>
                  <td>
                    {p.title} <code className="muted">{p.eventType}</code>
                  </td>
                  {channels.map((c) => (
                    <td key={c.value}>
                      <input type="radio" name={p.eventType} value={c.value} defaultChecked={p.channel === c.value} aria-label={t('choice', { event: p.title, channel: c.label })} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <button type="submit" className="button">
            {t('save')}
          </button>
        </p>
      </form>
    </>
  );
}
