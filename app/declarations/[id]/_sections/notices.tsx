import Link from 'next/link';

import { isFilerRole, isOfficer } from '../../../../lib/auth/policy';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { Actor } from '../../../session';
import type { DoneStep } from '../../actions';
import { AnswerQueryForm } from '../../_components/decision-forms';
import { formatDateTime } from '../../_components/format';
import { STATUS_LABEL } from '../../_components/status';
import { whoOf } from './who-of';


/** What `?done=` reports after an action, and whose action it was (a switched user does not see it). */
const DONE_MESSAGES: Record<DoneStep, { by: 'FILER' | 'OFFICER'; text: string }> = {
  submitted: { by: 'FILER', text: 'The declaration was submitted.' },
  amended: { by: 'FILER', text: 'Your amendment was submitted and frozen as version {version}.' },
  answered: { by: 'FILER', text: 'Your answer was sent to customs.' },
  'cancel-requested': { by: 'FILER', text: 'Your cancellation request was sent to customs. An officer decides on it.' },
  'query-raised': { by: 'OFFICER', text: 'Your question was sent to the filer. The declaration waits for the answer.' },
  'lane-changed': { by: 'OFFICER', text: 'The lane was changed; the reason is kept among the risk findings.' },
  'duties-assessed': { by: 'OFFICER', text: 'Duties and taxes were assessed.' },
  paid: { by: 'OFFICER', text: 'The payment was recorded.' },
  released: { by: 'OFFICER', text: 'The goods were released.' },
  rejected: { by: 'OFFICER', text: 'The declaration was rejected.' },
  'cancellation-granted': { by: 'OFFICER', text: 'The cancellation was granted: the declaration is cancelled.' },
  'cancellation-refused': { by: 'OFFICER', text: 'The cancellation request was refused: the declaration is back where it was.' },
};

function doneMessage(done: string | undefined, actor: Actor, version: number): string | null {
  const entry = done && Object.hasOwn(DONE_MESSAGES, done) ? DONE_MESSAGES[done as DoneStep] : null;
  if (!entry) return null;
  const ownRole = entry.by === 'OFFICER' ? isOfficer(actor) : isFilerRole(actor);
  return ownRole ? entry.text.replace('{version}', String(version)) : null;
}

/** What just happened (`?done=`), a rejection's reason, the open query (with the answer form) and a pending cancellation. */
export function Notices({ detail, actor, done, isFilerOfThis }: { detail: DeclarationDetail; actor: Actor; done: string | undefined; isFilerOfThis: boolean }) {
  const d = detail.declaration;
  const { lastReason, openQuery, cancelRequest } = detail;
  const can = (action: DeclarationDetail['actions'][number]) => detail.actions.includes(action);
  const who = whoOf(detail);
  const message = doneMessage(done, actor, d.version);
  return (
    <>
      {message && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>{message}</p>
        </div>
      )}

      {d.status === 'REJECTED' && lastReason && (
        <div className="error" role="note">
          <p className="error-title">Rejected by customs</p>
          <p>{lastReason.reason}</p>
        </div>
      )}

      {openQuery && (
        <section className="callout" aria-labelledby="open-query-heading" data-testid="open-query">
          <h2 id="open-query-heading">{isFilerOfThis ? 'Customs asks you a question' : 'Open query: waiting for the filer’s answer'}</h2>
          <blockquote className="question" data-testid="open-question">
            {openQuery.question}
          </blockquote>
          <p className="muted">
            Asked <time dateTime={openQuery.askedAt.toISOString()}>{formatDateTime(openQuery.askedAt)}</time> by {who(openQuery.askedById)}
          </p>
          {can('ANSWER_QUERY') && (
            <>
              <AnswerQueryForm id={d.id} />
              {can('AMEND') && (
                <p className="hint">
                  If the declaration itself must change, <Link href={`/declarations/${d.id}/amend`}>amend it</Link> as well: the amendment is frozen as a new version.
                </p>
              )}
            </>
          )}
        </section>
      )}

      {cancelRequest && (
        <div className="callout" role="note" data-testid="cancel-request">
          <p className="error-title">Cancellation requested</p>
          {cancelRequest.reason && <blockquote className="question">{cancelRequest.reason}</blockquote>}
          <p className="muted">
            By {who(cancelRequest.actorId)}, <time dateTime={cancelRequest.at.toISOString()}>{formatDateTime(cancelRequest.at)}</time>. A customs officer grants or refuses it; refused, the
            declaration goes back to {cancelRequest.fromStatus ? STATUS_LABEL[cancelRequest.fromStatus].toLowerCase() : 'where it was'}.
          </p>
        </div>
      )}
    </>
  );
}
