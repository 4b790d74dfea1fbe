import type { Metadata } from 'next';

import { getNotificationPreferences } from '../../../lib/notifications/get-notification-preferences';
import { one } from '../../declarations/_components/format';
import { getActor } from '../../session';
import { savePreferencesAction } from '../actions';

export const metadata: Metadata = { title: 'What I receive' };
export const dynamic = 'force-dynamic';

const CHANNELS = [
  { value: 'INBOX', label: 'Inbox only' },
  { value: 'EMAIL', label: 'Inbox and e-mail' },
  { value: 'DIGEST', label: 'Inbox and a daily digest' },
] as const;

export default async function PreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const preferences = await getNotificationPreferences({ actor });
  return (
    <>
      <h1>What I receive</h1>
      <p className="lead">Everything arrives in your inbox; choose per kind of event whether it also comes by e-mail, at once or in one digest a day.</p>
      {one(params.done) === 'saved' && (
        <p role="status" className="notice notice-success" data-testid="success">
          Saved.
        </p>
      )}
      <form action={savePreferencesAction}>
        <table className="results">
          <thead>
            <tr>
              <th scope="col">Event</th>
              {CHANNELS.map((c) => (
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
                {CHANNELS.map((c) => (
                  <td key={c.value}>
                    <input type="radio" name={p.eventType} value={c.value} defaultChecked={p.channel === c.value} aria-label={`${p.title}: ${c.label}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="submit" className="button">
            Save
          </button>
        </p>
      </form>
    </>
  );
}
