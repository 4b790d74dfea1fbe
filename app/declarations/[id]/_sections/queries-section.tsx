import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { formatDateTime } from '../../_components/format';
import { whoOf } from './who-of';

/** Customs' questions and the filer's answers (not for drafts). */
export function QueriesSection({ detail }: { detail: DeclarationDetail }) {
  const { queries } = detail;
  const who = whoOf(detail);
  if (detail.declaration.status === 'DRAFT') return null;
  return (
    <section aria-labelledby="queries-heading" data-testid="queries">
      <h2 id="queries-heading">Customs queries</h2>
      {queries.length === 0 ? (
        <p className="empty">Customs has asked no questions about this declaration.</p>
      ) : (
        <ol className="queries">
          {queries.map((q) => (
            <li key={q.id}>
              <div className="query-question">
                <p className="query-meta">
                  <strong>Question</strong> from {who(q.askedById)} · <time dateTime={q.askedAt.toISOString()}>{formatDateTime(q.askedAt)}</time>
                </p>
                <p>{q.question}</p>
              </div>
              {q.answeredAt ? (
                <div className="query-answer">
                  <p className="query-meta">
                    <strong>Answer</strong> from {who(q.answeredById)} · <time dateTime={q.answeredAt.toISOString()}>{formatDateTime(q.answeredAt)}</time>
                  </p>
                  <p>{q.answer}</p>
                </div>
              ) : (
                <p className="muted query-waiting">Not answered yet.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
