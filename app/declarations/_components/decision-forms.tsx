'use client';
// The action forms of a declaration's detail page, one per lifecycle step: the filer submits a draft,
// answers a query or asks for a cancellation; the officer raises a query, changes the lane, assesses
// duties, records the payment, releases, rejects or decides a cancellation request. Each is a plain
// form posting to a server action (so it works without JavaScript); problems come back next to the
// field or the button, success goes back to the page with the new status.
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
  const [state, action, pending] = useActionState(submitFromDetailAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="button-row">
        {canEdit && (
          <Link href={`/declarations/${id}/edit`} className="button button-secondary">
            Edit draft
          </Link>
        )}
        <button type="submit" disabled={pending} aria-describedby={state.message ? 'submit-outcome' : undefined}>
          {pending ? 'Submitting…' : 'Submit declaration'}
        </button>
      </div>
      <Outcome state={state} id="submit-outcome" />
      {canEdit && !state.ok && state.fieldErrors.length > 0 && (
        <p>
          <Link href={`/declarations/${id}/edit`}>Edit the draft to complete it</Link>.
        </p>
      )}
    </form>
  );
}

export function ReleaseForm({ id, hint, controlResultMissing = false }: { id: string; hint: string; controlResultMissing?: boolean }) {
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  const t = useTranslations('declaration.controlResult.release');
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
        {pending ? 'Releasing…' : 'Release goods'}
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
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <input type="hidden" name="decision" value="REJECTED" />
      <LongTextField announce id="reject-reason" name="reason" label="Reason for rejection" hint="The filer sees this reason in the declaration’s history." state={state} maxLength={1000} />
      <button type="submit" disabled={pending} className="button-danger">
        {pending ? 'Rejecting…' : 'Reject declaration'}
      </button>
      <Outcome state={state} id="reject-outcome" fields={['reason']} />
    </form>
  );
}

/** The filer's answer to the open query (shown under the question). */
export function AnswerQueryForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(answerQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce id="query-answer" name="answer" label="Your answer" hint="Customs reads it with the declaration. Up to 2,000 characters." state={state} maxLength={2000} rows={4} />
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send answer'}
      </button>
      <Outcome state={state} id="answer-outcome" fields={['answer']} />
    </form>
  );
}

export function RequestCancellationForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(requestCancellationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce
        id="cancel-reason"
        name="reason"
        label="Reason for cancelling"
        hint="For example: goods not shipped, declared twice. A customs officer decides."
        state={state}
        maxLength={1000}
      />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? 'Sending…' : 'Request cancellation'}
      </button>
      <Outcome state={state} id="cancel-outcome" fields={['reason']} />
    </form>
  );
}

/** Grant (CANCELLED) or refuse (back to where it was) a cancellation request: the button says which. */
export function DecideCancellationForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(decideCancellationAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce id="cancel-decision-reason" name="reason" label="Reason for the decision" hint="The filer sees it in the declaration’s history." state={state} maxLength={1000} />
      <div className="button-row">
        <button type="submit" name="grant" value="true" disabled={pending} className="button-danger">
          Grant cancellation
        </button>
        <button type="submit" name="grant" value="false" disabled={pending} className="button-secondary">
          Refuse cancellation
        </button>
      </div>
      <Outcome state={state} id="cancel-decision-outcome" fields={['reason']} />
    </form>
  );
}

export function RaiseQueryForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(raiseQueryAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <LongTextField announce
        id="query-question"
        name="question"
        label="Question to the filer"
        hint="The declaration waits for the answer. Ask for one thing you need, e.g. a certificate of origin."
        state={state}
        maxLength={2000}
      />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? 'Sending…' : 'Send question'}
      </button>
      <Outcome state={state} id="query-outcome" fields={['question']} />
    </form>
  );
}

const LANE_CHOICES: { lane: RiskLane; label: string; hint: string }[] = [
  { lane: 'GREEN', label: 'Green', hint: 'no control' },
  { lane: 'YELLOW', label: 'Yellow', hint: 'documentary check' },
  { lane: 'RED', label: 'Red', hint: 'physical inspection' },
];

export function OverrideLaneForm({ id, current }: { id: string; current: RiskLane | null }) {
  const [state, action, pending] = useActionState(overrideLaneAction, INITIAL);
  const laneError = errorOf(state, 'lane');
  const chosen = state.values?.lane;
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <fieldset className={laneError ? 'choice field-invalid' : 'choice'} aria-describedby={laneError ? 'lane-error' : undefined}>
        <legend>New lane</legend>
        <FieldError id="lane" error={laneError} announce />
        <div className="radios">
          {LANE_CHOICES.filter((c) => c.lane !== current).map((c, i) => (
            <label key={c.lane} className="radio">
              <input type="radio" name="lane" value={c.lane} required={i === 0} defaultChecked={chosen === c.lane} />
              <span className={`lane lane-${c.lane.toLowerCase()}`}>{c.label}</span> <span className="muted">({c.hint})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <LongTextField announce id="lane-reason" name="reason" label="Reason for the change" hint="Kept among the risk findings." state={state} maxLength={900} rows={2} />
      <button type="submit" disabled={pending} className="button-secondary">
        {pending ? 'Changing…' : 'Change lane'}
      </button>
      <Outcome state={state} id="lane-outcome" fields={['lane', 'reason']} />
    </form>
  );
}

export function AssessDutiesForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(assessDutiesAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <p className="hint">Computes duty, excise and VAT of every goods item from the national tariff. The filer then pays the total.</p>
      <button type="submit" disabled={pending}>
        {pending ? 'Assessing…' : 'Assess duties'}
      </button>
      <Outcome state={state} id="assess-outcome" />
    </form>
  );
}

/** The payment of the assessed total, the amount filled in with it. */
export function RecordPaymentForm({ id, amount }: { id: string; amount: string }) {
  const [state, action, pending] = useActionState(recordPaymentAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <Id id={id} />
      <div className="form-grid payment-grid">
        <InputField announce id="payment-amount" name="amount" label="Amount paid" hint={`The assessed total is ${amount}.`} state={state} defaultValue={amount} inputMode="decimal" maxLength={20} />
        <InputField announce id="payment-reference" name="reference" label="Payment reference" hint="As on the bank transfer, e.g. NL-PAY-2026-0001." state={state} maxLength={70} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Recording…' : 'Record payment'}
      </button>
      <Outcome state={state} id="payment-outcome" fields={['amount', 'reference']} />
    </form>
  );
}
