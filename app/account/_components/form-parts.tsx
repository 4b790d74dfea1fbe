'use client';
// Pieces of the identity forms (sign-up, invitation, passwords, company administration). The forms post
// to server actions through useActionState, so they work before (or without) JavaScript; with it, the
// outcome gets the focus so that a screen reader announces it and a keyboard user starts from there.
import { useEffect, useRef, type ReactNode } from 'react';

import { errorOf, type FormState } from './form-state';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

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
  const ref = useFocusOn<HTMLDivElement>(state, hasProblem);
  if (state.ok || !state.message) return null;
  return (
    <div role="alert" className="error-summary" id={id} tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{state.fieldErrors.length ? 'There is a problem' : state.message}</h2>
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

function Frame({ id, label, hint, error, optional, className, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; optional?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

interface InputProps {
  id: string;
  name: string;
  label: string;
  state: FormState<unknown>;
  type?: 'text' | 'email' | 'password' | 'date';
  hint?: ReactNode;
  optional?: boolean;
  defaultValue?: string;
  autoComplete?: string;
  maxLength?: number;
  minLength?: number;
  uppercase?: boolean;
  className?: string;
}

/** A labelled input whose hint and server error are tied to it (aria-describedby, aria-invalid). */
export function InputField({ id, name, label, state, type = 'text', hint, optional, defaultValue, autoComplete, maxLength, minLength, uppercase, className }: InputProps) {
  const error = errorOf(state, name);
  // Passwords are never sent back; everything else is shown again as typed.
  const value = type === 'password' ? undefined : (state.values?.[name] ?? defaultValue ?? '');
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <input
        // A new key after each answer, so that the field shows the value the server sent back.
        key={type === 'password' ? undefined : `${value}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        maxLength={maxLength}
        minLength={minLength}
        required={!optional}
        className={uppercase ? 'uppercase' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      />
    </Frame>
  );
}

/** A group of radio buttons in a fieldset; the error is tied to the group. */
export function RadioGroup({
  id,
  name,
  legend,
  state,
  options,
  defaultValue,
  hint,
}: {
  id: string;
  name: string;
  legend: string;
  state: FormState<unknown>;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  const error = errorOf(state, name);
  const checked = state.values?.[name] ?? defaultValue;
  return (
    <fieldset
      className={`choice${error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="radios radios-stacked" key={checked}>
        {options.map((o) => (
          <label className="radio" key={o.value}>
            <input type="radio" name={name} value={o.value} defaultChecked={checked === o.value} required aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined} />
            <span>
              {o.label}
              {o.hint && (
                <span className="hint radio-hint" id={`${id}-${o.value}-hint`}>
                  {' '}
                  {o.hint}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled select whose server error is tied to it. */
export function SelectField({
  id,
  name,
  label,
  state,
  options,
  defaultValue,
  hint,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  state: FormState<unknown>;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  hint?: ReactNode;
  /** A first, empty choice ("Choose…"), so that nothing is chosen by accident. */
  placeholder?: string;
}) {
  const error = errorOf(state, name);
  const value = state.values?.[name] ?? defaultValue ?? '';
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        key={value}
        id={id}
        name={name}
        defaultValue={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
