import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { EVENT_TYPES } from '../../lib/notifications/event-types';
import { listNotifications } from '../../lib/notifications/list-notifications';
import { one } from '../declarations/_components/format';
import { eventTypeTitle } from '../_i18n/event-type-title';
import { When } from '../_i18n/when';
import { getActor } from '../session';
import { markReadAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, params, t, email] = await Promise.all([getActor(), searchParams, getTranslations('inbox'), getTranslations('email')]);
  // A notification keeps the English title it was written with ("Customs raised a query: <reference>"): its type's title in the reader's language instead.
  const titleOf = (n: { type: string; title: string }) => {
    const english = Object.hasOwn(EVENT_TYPES, n.type) ? EVENT_TYPES[n.type as keyof typeof EVENT_TYPES].title : null;
    return english && n.title.startsWith(english) ? `${eventTypeTitle(email, n.type)}${n.title.slice(english.length)}` : n.title;
  };
  const unreadOnly = one(params.unread) === '1';
  const inbox = await listNotifications({ actor, unreadOnly, first: 50, after: one(params.after) ?? null });
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <Link href="/notifications/preferences" className="button">
          {t('preferences')}
        </Link>
      </div>
      <p className="lead">{t.rich('lead', { count: () => <span data-testid="inbox-unread">{inbox.unreadCount}</span> })}</p>
      <div className="button-row">
        <Link href={unreadOnly ? '/notifications' : '/notifications?unread=1'}>{unreadOnly ? t('showAll') : t('showUnread')}</Link>
        {inbox.unreadCount > 0 && (
          <form action={markReadAction}>
            <input type="hidden" name="next" value="/notifications" />
            <button type="submit" className="button-link">
              {t('markAllRead')}
            </button>
          </form>
        )}
      </div>
      {inbox.nodes.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="results" data-testid="inbox">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('code')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {inbox.nodes.map((n) => (
                <tr key={n.id} data-testid="inbox-entry" data-type={n.type} data-read={n.readAt ? 'true' : 'false'}>
                  <td>
                    <When date={n.createdAt} />
                  </td>
                  <td>
                    {n.readAt ? null : <span className="badge badge-info">{t('new')}</span>} {n.link ? <Link href={n.link}>{titleOf(n)}</Link> : titleOf(n)}
                  </td>
                  <td>{n.dmsCode ? <code>{n.dmsCode}</code> : null}</td>
                  <td>
                    {!n.readAt && (
                      <form action={markReadAction}>
                        <input type="hidden" name="id" value={n.id} />
                        <input type="hidden" name="next" value="/notifications" />
                        <button type="submit" className="button-link">
                          {t('markRead')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {inbox.hasNextPage && inbox.endCursor && (
        <p className="pager">
          <Link href={`/notifications?${unreadOnly ? 'unread=1&' : ''}after=${inbox.endCursor}`}>{t('older')}</Link>
        </p>
      )}
    </>
  );
}
