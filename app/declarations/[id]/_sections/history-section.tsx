import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatDateTime } from '../../_components/format';
import { STATUS_LABEL, StatusBadge } from '../../_components/status';
import { whoOf } from './who-of';

/** Every status change, with who made it and why. */
export function HistorySection({ detail }: { detail: DeclarationDetail }) {
  const { history } = detail;
  const who = whoOf(detail);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Status history</h2>
      <ol className="timeline" data-testid="timeline">
        {history.map((h) => (
          <li key={String(h.id)}>
            <p>
              <StatusBadge status={h.toStatus} />{' '}
              <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time>
            </p>
            <p className="muted">
              {h.fromStatus ? `From ${STATUS_LABEL[h.fromStatus].toLowerCase()}, by ` : 'Created by '}
              {who(h.actorId)}
            </p>
            {h.reason && <blockquote className="reason">{h.reason}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
