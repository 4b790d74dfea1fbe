'use client';
// Form fields with their label, hint and error message wired for assistive technology:
// aria-invalid on invalid fields, aria-describedby naming the hint and the error.
import type { ReactNode } from 'react';

export interface FieldBinding {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

interface Common extends FieldBinding {
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  width?: 'xs' | 's' | 'm' | 'l' | 'full';
}

function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame({ id, label, hint, optional, error, width, children }: Omit<Common, 'value' | 'onChange' | 'onBlur'> & { children: ReactNode }) {
  return (
    <div className={`field width-${width ?? 'm'}${error ? ' field-invalid' : ''}`}>
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

export function TextField(
  props: Common & { inputMode?: 'text' | 'numeric' | 'decimal'; maxLength?: number; uppercase?: boolean; spellCheck?: boolean; placeholder?: string; readOnly?: boolean },
) {
  const { id, value, error, onChange, onBlur, hint, inputMode, maxLength, uppercase, spellCheck, placeholder, readOnly } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        name={id}
        type="text"
        value={value}
        inputMode={inputMode}
        maxLength={maxLength}
        spellCheck={spellCheck ?? false}
        autoComplete="off"
        placeholder={placeholder}
        readOnly={readOnly}
        className={uppercase ? 'uppercase' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Frame>
  );
}

export function TextAreaField(props: Common & { rows?: number; maxLength?: number; required?: boolean }) {
  const { id, value, error, onChange, onBlur, hint, rows, maxLength, required } = props;
  return (
    <Frame {...props}>
      <textarea
        id={id}
        name={id}
        value={value}
        rows={rows ?? 2}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Frame>
  );
}

export function SelectField(props: Common & { options: readonly { value: string; label: string }[]; disabled?: boolean }) {
  const { id, value, error, onChange, onBlur, hint, options, disabled } = props;
  return (
    <Frame {...props}>
      <select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
