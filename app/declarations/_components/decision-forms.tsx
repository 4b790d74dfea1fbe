'use client';
// The action buttons of a declaration's detail page: submit a draft, release or reject it. Each is a
// form posting to a server action; problems come back as messages next to the button.
import Link from 'next/link';
import { useActionState } from 'react';

import { decideAction, submitFromDetailAction, type FormActionState } from '../actions';

const INITIAL: FormActionState = { ok: false, message: null, fieldErrors: [] };

function Outcome({ state, id }: { state: FormActionState; id: string }) {
  if (!state.message) return null;
  if (state.ok) {
    return (
      <p role="status" className="notice">
        {state.message}
      </p>
    );
  }
  return (
    <div role="alert" className="error" id={id}>
      <p className="error-title">{state.message}</p>
      {state.fieldErrors.length > 0 && (
        <ul>
          {state.fieldErrors.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitDraftForm({ id, idempotencyKey }: { id: string; idempotencyKey: string }) {
  const [state, action, pending] = useActionState(submitFromDetailAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="button-row">
        <Link href={`/declarations/${id}/edit`} className="button button-secondary">
          Edit draft
        </Link>
        <button type="submit" disabled={pending} aria-describedby={state.message ? 'submit-outcome' : undefined}>
          {pending ? 'Submitting…' : 'Submit declaration'}
        </button>
      </div>
      <Outcome state={state} id="submit-outcome" />
      {!state.ok && state.fieldErrors.length > 0 && (
        <p>
          <Link href={`/declarations/${id}/edit`}>Edit the draft to complete it</Link>.
        </p>
      )}
    </form>
  );
}

export function ReleaseForm({ id, hint }: { id: string; hint: string }) {
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  return (
    <form action={action} className="action-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value="RELEASED" />
      <p className="hint">{hint}</p>
      <button type="submit" disabled={pending} className="button-ok">
        {pending ? 'Releasing…' : 'Release goods'}
      </button>
      <Outcome state={state} id="release-outcome" />
    </form>
  );
}

export function RejectForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(decideAction, INITIAL);
  const reasonError = state.ok ? undefined : state.fieldErrors.find((f) => f.path[0] === 'reason')?.message;
  return (
    <form action={action} className="action-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value="REJECTED" />
      <div className={reasonError ? 'field field-invalid' : 'field'}>
        <label htmlFor="reject-reason">Reason for rejection</label>
        <p className="hint" id="reject-reason-hint">
          The filer sees this reason in the declaration&apos;s history.
        </p>
        {reasonError && (
          <p className="field-error" id="reject-reason-error">
            <span className="visually-hidden">Error: </span>
            {reasonError}
          </p>
        )}
        <textarea
          id="reject-reason"
          name="reason"
          rows={3}
          maxLength={1000}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'reject-reason-hint reject-reason-error' : 'reject-reason-hint'}
        />
      </div>
      <button type="submit" disabled={pending} className="button-danger">
        {pending ? 'Rejecting…' : 'Reject declaration'}
      </button>
      {!reasonError && <Outcome state={state} id="reject-outcome" />}
    </form>
  );
}
