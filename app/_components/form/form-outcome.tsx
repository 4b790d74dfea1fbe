'use client';
// What a posted form says about its outcome. Two shapes, by the form's size: a page-sized form (identity,
// company) gets an ErrorSummary at the top that takes the focus and links each problem to its field, and
// a SuccessNotice; a small action form beside other content (a declaration's decision, a tracking alert)
// gets an Outcome below its button, quiet when every problem is already next to its field.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode } from 'react';

import type { FormState } from './form-state';

/** Focuses the element whenever a new state arrives that it should announce. */
function useFocusOn<T extends HTMLElement>(state: FormState<unknown>, when: (s: FormState<unknown>) => boolean) {
  const ref = useRef<T>(null);
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === state) return;
    previous.current = state;
    if (when(state)) ref.current?.focus();
  }, [state, when]);
  return ref;
}

const hasProblem = (s: FormState<unknown>) => !s.ok && !!s.message;
const hasSuccess = (s: FormState<unknown>) => s.ok && !!s.message;

/**
 * The error summary at the top of a form: the message, then each problem, linking to its field when the
 * form has it (`fields` maps a field name to its element id).
 */
export function ErrorSummary({ state, id, fields = {} }: { state: FormState<unknown>; id: string; fields?: Record<string, string> }) {
  const t = useTranslations('formParts');
  const ref = useFocusOn<HTMLDivElement>(state, hasProblem);
  if (state.ok || !state.message) return null;
  return (
    <div role="alert" className="error-summary" id={id} tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{state.fieldErrors.length ? t('thereIsAProblem') : state.message}</h2>
      {state.fieldErrors.length > 0 && (
        <ul>
          {state.fieldErrors.map((f, i) => {
            const target = fields[String(f.path[0])];
            return <li key={i}>{target ? <a href={`#${target}`}>{f.message}</a> : f.message}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

/** A success message (role=status), focused when it appears. */
export function SuccessNotice({ state, id, children }: { state: FormState<unknown>; id: string; children?: ReactNode }) {
  const ref = useFocusOn<HTMLDivElement>(state, hasSuccess);
  if (!state.ok || !state.message) return null;
  return (
    <div role="status" className="notice notice-success" id={id} tabIndex={-1} ref={ref} data-testid="success">
      <p>
        <strong>{state.message}</strong>
      </p>
      {children}
    </div>
  );
}

/**
 * What went wrong, for problems not shown on a field of the form (`fields` are shown there, with
 * `announce`): a conflict, a refused permission, a field the form does not have. A success, as a status.
 */
export function Outcome({ state, id, fields = [] }: { state: FormState<unknown>; id: string; fields?: readonly string[] }) {
  if (!state.message) return null;
  if (state.ok) {
    return (
      <p role="status" className="notice" id={id}>
        {state.message}
      </p>
    );
  }
  const elsewhere = state.fieldErrors.filter((f) => !fields.includes(String(f.path[0])));
  // Every problem is next to its field: the fields say it (and are announced through role="alert").
  if (state.fieldErrors.length > 0 && elsewhere.length === 0) return null;
  return (
    <div role="alert" className="error" id={id}>
      <p className="error-title">{state.message}</p>
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
