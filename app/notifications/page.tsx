import type { Metadata } from 'next';
import Link from 'next/link';

import { listNotifications } from '../../lib/notifications/list-notifications';
import { formatDateTime, one } from '../declarations/_components/format';
import { getActor } from '../session';
import { markReadAction } from './actions';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const unreadOnly = one(params.unread) === '1';
  const inbox = await listNotifications({ actor, unreadOnly, first: 50, after: one(params.after) ?? null });
  return (
    <>
      <div className="page-head">
        <h1>Inbox</h1>
        <Link href="/notifications/preferences" className="button">
          What I receive
        </Link>
      </div>
      <p className="lead">
        What happened to the declarations, documents and shipments you work on. <span data-testid="inbox-unread">{inbox.unreadCount}</span> unread.
      </p>
      <div className="button-row">
        <Link href={unreadOnly ? '/notifications' : '/notifications?unread=1'}>{unreadOnly ? 'Show all' : 'Show unread only'}</Link>
        {inbox.unreadCount > 0 && (
          <form action={markReadAction}>
            <input type="hidden" name="next" value="/notifications" />
            <button type="submit" className="button-link">
              Mark all read
            </button>
          </form>
        )}
      </div>
      {inbox.nodes.length === 0 ? (
        <p className="empty-state">Nothing here yet.</p>
      ) : (
        <table className="results" data-testid="inbox">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Code</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inbox.nodes.map((n) => (
              <tr key={n.id} data-testid="inbox-entry" data-type={n.type} data-read={n.readAt ? 'true' : 'false'}>
                <td>{formatDateTime(n.createdAt)}</td>
                <td>
                  {n.readAt ? null : <span className="badge badge-info">New</span>} {n.link ? <Link href={n.link}>{n.title}</Link> : n.title}
                </td>
                <td>{n.dmsCode ? <code>{n.dmsCode}</code> : null}</td>
                <td>
                  {!n.readAt && (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="next" value="/notifications" />
                      <button type="submit" className="button-link">
                        Mark read
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inbox.hasNextPage && inbox.endCursor && (
        <p className="pager">
          <Link href={`/notifications?${unreadOnly ? 'unread=1&' : ''}after=${inbox.endCursor}`}>Older</Link>
        </p>
      )}
    </>
  );
}
