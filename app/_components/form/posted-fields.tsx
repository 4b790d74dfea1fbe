'use client';
// Fields of forms that post to a server action through useActionState (identity, company, the
// declaration's action forms, tracking), so they work before (or without) JavaScript. Each shows again
// what was typed (`state.values`, never a password) and the server's error for its name.
import type { ReactNode } from 'react';

import { describedBy, FieldError, FieldFrame, FieldHint } from './field-frame';
import { errorOf, type FormState } from './form-state';

interface PostedProps {
  /** Element id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  name: string;
  label: string;
  state: FormState<unknown>;
  hint?: ReactNode;
  /** Not required; the label says "(optional)". */
  optional?: boolean;
  defaultValue?: string;
  maxLength?: number;
  /** A width class of globals.css (`width-s`…) or another class for the field. */
  className?: string;
  /** The error is an alert of its own (forms without a focused error summary). */
  announce?: boolean;
}

/** What the field shows: what was typed when the server sent it back, else the default. */
const shownValue = (state: FormState<unknown>, name: string, defaultValue?: string) => state.values?.[name] ?? defaultValue ?? '';

/** A labelled one-line input whose hint and server error are tied to it (aria-describedby, aria-invalid). */
export function InputField({
  id,
  name,
  label,
  state,
  type = 'text',
  hint,
  optional,
  defaultValue,
  autoComplete,
  maxLength,
  minLength,
  uppercase,
  inputMode,
  className,
  announce,
}: PostedProps & { type?: 'text' | 'email' | 'password' | 'date'; autoComplete?: string; minLength?: number; uppercase?: boolean; inputMode?: 'text' | 'decimal' | 'numeric' }) {
  const error = errorOf(state, name);
  // Passwords are never sent back; everything else is shown again as typed.
  const value = type === 'password' ? undefined : shownValue(state, name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional} className={className} announce={announce}>
      <input
        // A new key after each answer, so that the field shows the value the server sent back.
        key={type === 'password' ? undefined : `${value}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        maxLength={maxLength}
        minLength={minLength}
        required={!optional}
        className={uppercase ? 'uppercase' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/** A multi-line text field (a question, an answer, a reason, a note). */
export function LongTextField({ id, name, label, hint, state, defaultValue, optional, maxLength, rows = 3, className, announce }: PostedProps & { rows?: number }) {
  const error = errorOf(state, name);
  const value = shownValue(state, name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional} className={className} announce={announce}>
      <textarea
        key={value}
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={!optional}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/** A labelled select whose server error is tied to it. */
export function DropdownField({
  id,
  name,
  label,
  state,
  options,
  defaultValue,
  hint,
  placeholder,
  className,
  announce,
}: Omit<PostedProps, 'optional' | 'maxLength'> & {
  /** `lang`: the option's own language when it differs from the page's (a language named in itself). */
  options: readonly { value: string; label: string; lang?: string }[];
  /** A first, empty choice ("Choose…"), so that nothing is chosen by accident. */
  placeholder?: string;
}) {
  const error = errorOf(state, name);
  const value = shownValue(state, name, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className} announce={announce}>
      <select key={value} id={id} name={name} defaultValue={value} required aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radio buttons in a fieldset; the hint and error are tied to the group. */
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
    <fieldset className={`choice${error ? ' field-invalid' : ''}`} id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} />
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
