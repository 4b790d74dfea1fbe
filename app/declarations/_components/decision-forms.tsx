'use client';
// The action forms of a declaration's detail page, one per lifecycle step: the filer submits a draft,
// answers a query or asks for a cancellation; the officer raises a query, changes the lane, assesses
// duties, records the payment, releases, rejects or decides a cancellation request. Each is a plain
// form posting to a server action (so it works without JavaScript); problems come back next to the
// field or the button, success goes back to the page with the new status. Words: namespace `decisionForms`.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';

import {
  answerQueryAction,
  assessDutiesAction,
  decideAction,
  decideCancellationAction,
  overrideLaneAction,
  raiseQueryAction,
  recordPaymentAction,
  requestCancellationAction,
  submitFromDetailAction,
} from '../actions';
import { FieldError } from '../../_components/form/field-frame';
import { Outcome } from '../../_components/form/form-outcome';
import { errorOf, INITIAL_FORM_STATE as INITIAL } from '../../_components/form/form-state';
import { InputField, LongTextField } from '../../_components/form/posted-fields';
import type { RiskLane } from './types';

function Id({ id }: { id: string }) {
  return <input type="hidden" name="id" value={id} />;
}

export function SubmitDraftForm({ id, idempotencyKey, canEdit }: { id: string; idempotencyKey: string; canEdit: boolean }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(submitFromDetailAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="button-row">
        {canEdit && (
          <Link href={`/declarations/${id}/edit`} className="button button-secondary">
            {t('editDraft')}
          </Link>
        )}
        <button type="submit" disabled={pending} aria-describedby={state.message ? 'submit-outcome' : undefined}>
          {pending ? t('submitting') : t('submit')}
        </button>
      </div>
      <Outcome state={state} id="submit-outcome" />
      {canEdit && !state.ok && state.fieldErrors.length > 0 && (
        <p>
          {t.rich('completeDraft', { link: (chunks) => <Link href={`/declarations/${id}/edit`}>{chunks}</Link> })}
        </p>
      )}
    </form>
  );
}

export function ReleaseForm({ id, hint, controlResultMissing = false }: { id: string; hint: string; controlResultMissing?: boolean }) {
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  const t = useTranslations('declaration.controlResult.release');
  const words = useTranslations('decisionForms');
  // The release gate of issue 14 (lib/risk/assert-control-result-recorded.ts): said in words, with the way to the form.
  // (Only while the page still says it is missing: the form's state outlives the result being recorded.)
  const missing = controlResultMissing && !state.ok && state.reason === 'CONTROL_RESULT_MISSING';
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <input type="hidden" name="decision" value="RELEASED" />
      <p className="hint">{hint}</p>
      {controlResultMissing && !missing && (
        <p className="hint" data-testid="release-needs-control-result">
          {t.rich('needed', { link: (chunks) => <a href="#control-result">{chunks}</a> })}
        </p>
      )}
      <button type="submit" disabled={pending} className="button-ok">
        {pending ? words('releasing') : words('release')}
      </button>
      {missing ? (
        <div role="alert" className="error" id="release-outcome" data-testid="release-control-result-missing">
          <p className="error-title">{t('missingTitle')}</p>
          <p>{t.rich('missing', { link: (chunks) => <a href="#control-result">{chunks}</a> })}</p>
        </div>
      ) : (
        <Outcome state={state} id="release-outcome" />
      )}
    </form>
  );
}

export function RejectForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <input type="hidden" name="decision" value="REJECTED" />
      <LongTextField announce id="reject-reason" name="reason" label={t('rejectReason')} hint={t('rejectReasonHint')} state={state} maxLength={1000} />
      <button type="submit" disabled={pending} className="button-danger">
        {pending ? t('rejecting') : t('reject')}
      </button>
      <Outcome state={state} id="reject-outcome" fields={['reason']} />
    </form>
  );
}

/** The filer's answer to the open query (shown under the question). */
export function AnswerQueryForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(answerQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce id="query-answer" name="answer" label={t('answer')} hint={t('answerHint', { max: 2000 })} state={state} maxLength={2000} rows={4} />
      <button type="submit" disabled={pending}>
        {pending ? t('sending') : t('sendAnswer')}
      </button>
      <Outcome state={state} id="answer-outcome" fields={['answer']} />
    </form>
  );
}

export function RequestCancellationForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(requestCancellationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce
        id="cancel-reason"
        name="reason"
        label={t('cancelReason')}
        hint={t('cancelReasonHint')}
        state={state}
        maxLength={1000}
      />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('sending') : t('requestCancellation')}
      </button>
      <Outcome state={state} id="cancel-outcome" fields={['reason']} />
    </form>
  );
}

/** Grant (CANCELLED) or refuse (back to where it was) a cancellation request: the button says which. */
export function DecideCancellationForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(decideCancellationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce id="cancel-decision-reason" name="reason" label={t('decisionReason')} hint={t('decisionReasonHint')} state={state} maxLength={1000} />
      <div className="button-row">
        <button type="submit" name="grant" value="true" disabled={pending} className="button-danger">
          {t('grantCancellation')}
        </button>
        <button type="submit" name="grant" value="false" disabled={pending} className="button-secondary">
          {t('refuseCancellation')}
        </button>
      </div>
      <Outcome state={state} id="cancel-decision-outcome" fields={['reason']} />
    </form>
  );
}

export function RaiseQueryForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(raiseQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce
        id="query-question"
        name="question"
        label={t('question')}
        hint={t('questionHint')}
        state={state}
        maxLength={2000}
      />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('sending') : t('sendQuestion')}
      </button>
      <Outcome state={state} id="query-outcome" fields={['question']} />
    </form>
  );
}

/** The lanes an officer may choose, each named (`lane.*`) with what it means (`decisionForms.laneHint.*`). */
const LANE_CHOICES: RiskLane[] = ['GREEN', 'YELLOW', 'RED'];

export function OverrideLaneForm({ id, current }: { id: string; current: RiskLane | null }) {
  const t = useTranslations('decisionForms');
  const laneName = useTranslations('lane');
  const [state, action, pending] = useActionState(overrideLaneAction, INITIAL);
  const laneError = errorOf(state, 'lane');
  const chosen = state.values?.lane;
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <fieldset className={laneError ? 'choice field-invalid' : 'choice'} aria-describedby={laneError ? 'lane-error' : undefined}>
        <legend>{t('newLane')}</legend>
        <FieldError id="lane" error={laneError} announce />
        <div className="radios">
          {LANE_CHOICES.filter((lane) => lane !== current).map((lane, i) => (
            <label key={lane} className="radio">
              <input type="radio" name="lane" value={lane} required={i === 0} defaultChecked={chosen === lane} />
              <span className={`lane lane-${lane.toLowerCase()}`}>{laneName(lane)}</span> <span className="muted">{t('laneHintInBrackets', { hint: t(`laneHint.${lane}`) })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <LongTextField announce id="lane-reason" name="reason" label={t('laneReason')} hint={t('laneReasonHint')} state={state} maxLength={900} rows={2} />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? t('changing') : t('changeLane')}
      </button>
      <Outcome state={state} id="lane-outcome" fields={['lane', 'reason']} />
    </form>
  );
}

export function AssessDutiesForm({ id }: { id: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(assessDutiesAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <p className="hint">{t('assessHint')}</p>
      <button type="submit" disabled={pending}>
        {pending ? t('assessing') : t('assess')}
      </button>
      <Outcome state={state} id="assess-outcome" />
    </form>
  );
}

/** The payment of the assessed total, the amount filled in with it. */
export function RecordPaymentForm({ id, amount }: { id: string; amount: string }) {
  const t = useTranslations('decisionForms');
  const [state, action, pending] = useActionState(recordPaymentAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <div className="form-grid payment-grid">
        <InputField announce id="payment-amount" name="amount" label={t('amountPaid')} hint={t('amountPaidHint', { amount })} state={state} defaultValue={amount} inputMode="decimal" maxLength={20} />
        <InputField announce id="payment-reference" name="reference" label={t('paymentReference')} hint={t('paymentReferenceHint', { example: 'NL-PAY-2026-0001' })} state={state} maxLength={70} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t('recording') : t('recordPayment')}
      </button>
      <Outcome state={state} id="payment-outcome" fields={['amount', 'reference']} />
    </form>
  );
}
