import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { isFilerRole, isOfficer } from '../../../../lib/auth/policy';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { Actor } from '../../../session';
import type { DoneStep } from '../../actions';
import { AnswerQueryForm } from '../../_components/decision-forms';
import { When } from '../../../_i18n/when';
import { whoOf } from './who-of';


/** What `?done=` reports after an action (declarationPage.notices.done.*), and whose action it was (a switched user does not see it). */
const DONE_BY: Record<DoneStep, 'FILER' | 'OFFICER'> = {
  submitted: 'FILER',
  amended: 'FILER',
  answered: 'FILER',
  'cancel-requested': 'FILER',
  'query-raised': 'OFFICER',
  'lane-changed': 'OFFICER',
  'duties-assessed': 'OFFICER',
  paid: 'OFFICER',
  released: 'OFFICER',
  rejected: 'OFFICER',
  'cancellation-granted': 'OFFICER',
  'cancellation-refused': 'OFFICER',
};

function doneStep(done: string | undefined, actor: Actor): DoneStep | null {
  if (!done || !Object.hasOwn(DONE_BY, done)) return null;
  const step = done as DoneStep;
  const ownRole = DONE_BY[step] === 'OFFICER' ? isOfficer(actor) : isFilerRole(actor);
  return ownRole ? step : null;
}

/** What just happened (`?done=`), a rejection's reason, the open query (with the answer form) and a pending cancellation. */
export function Notices({ detail, actor, done, isFilerOfThis }: { detail: DeclarationDetail; actor: Actor; done: string | undefined; isFilerOfThis: boolean }) {
  const d = detail.declaration;
  const { lastReason, openQuery, cancelRequest } = detail;
  const can = (action: DeclarationDetail['actions'][number]) => detail.actions.includes(action);
  const t = useTranslations('declarationPage.notices');
  const status = useTranslations('status');
  const who = whoOf(detail, useTranslations('declarationPage.who'));
  const step = doneStep(done, actor);
  const message = step ? t(`done.${step}`, { version: d.version }) : null;
  return (
    <>
      {message && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>{message}</p>
        </div>
      )}

      {d.status === 'REJECTED' && lastReason && (
        <div className="error" role="note">
          <p className="error-title">{t('rejected')}</p>
          <p>{lastReason.reason}</p>
        </div>
      )}

      {openQuery && (
        <section className="callout" aria-labelledby="open-query-heading" data-testid="open-query">
          <h2 id="open-query-heading">{isFilerOfThis ? t('questionForYou') : t('openQuery')}</h2>
          <blockquote className="question" data-testid="open-question">
            {openQuery.question}
          </blockquote>
          <p className="muted">
            {t.rich('asked', { who: who(openQuery.askedById), when: () => <When date={openQuery.askedAt} /> })}
          </p>
          {can('ANSWER_QUERY') && (
            <>
              <AnswerQueryForm id={d.id} />
              {can('AMEND') && (
                <p className="hint">
                  {t.rich('amendToo', { link: (chunks) => <Link href={`/declarations/${d.id}/amend`}>{chunks}</Link> })}
                </p>
              )}
            </>
          )}
        </section>
      )}

      {cancelRequest && (
        <div className="callout" role="note" data-testid="cancel-request">
          <p className="error-title">{t('cancelRequested')}</p>
          {cancelRequest.reason && <blockquote className="question">{cancelRequest.reason}</blockquote>}
          <p className="muted">
            {cancelRequest.fromStatus
              ? t.rich('cancelBy', { who: who(cancelRequest.actorId), status: status(cancelRequest.fromStatus).toLowerCase(), when: () => <When date={cancelRequest.at} /> })
              : t.rich('cancelByBack', { who: who(cancelRequest.actorId), when: () => <When date={cancelRequest.at} /> })}
          </p>
        </div>
      )}
    </>
  );
}
