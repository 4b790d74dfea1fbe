'use client';
// Pieces shared by the action forms of a declaration's page: the outcome of a failed action, and a
// labelled text field whose error (from the server) is tied to it with aria-describedby. The forms
// post to server actions, so they work before (or without) JavaScript as well.
import type { ReactNode } from 'react';

import type { FormActionState } from '../actions';

export const INITIAL_ACTION_STATE: FormActionState = { ok: false, message: null, fieldErrors: [] };

/** The first error the server reported for a field of the form (by its name). */
export function errorOf(state: FormActionState, name: string): string | undefined {
  return state.ok ? undefined : state.fieldErrors.find((f) => f.path[0] === name)?.message;
}

/**
 * What went wrong, for problems not shown on a field of the form (`fields` are shown there): a
 * conflict, a refused permission, a field the form does not have.
 */
export function Outcome({ state, id, fields = [] }: { state: FormActionState; id: string; fields?: readonly string[] }) {
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

interface TextProps {
  /** Element id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  name: string;
  label: string;
  hint?: string;
  state: FormActionState;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A multi-line text field (question, answer, reason). */
export function LongText({ id, name, label, hint, state, defaultValue, required = true, maxLength, rows = 3 }: TextProps & { rows?: number }) {
  const error = errorOf(state, name);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={state.values?.[name] ?? defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Frame>
  );
}

/** A one-line text field (amount, reference). */
export function ShortText({ id, name, label, hint, state, defaultValue, required = true, maxLength, inputMode, width }: TextProps & { inputMode?: 'text' | 'decimal'; width?: string }) {
  const error = errorOf(state, name);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        required={required}
        defaultValue={state.values?.[name] ?? defaultValue ?? ''}
        style={width ? { maxWidth: width } : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Frame>
  );
}
