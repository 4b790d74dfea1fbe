'use client';
// Fields whose value the form holds in React state (the declaration form: it validates on blur with the
// shared zod schema and posts as GraphQL). A FieldBinding wires value, error and events; the label, hint
// and error come from the same FieldFrame as the posted fields.
import type { ReactNode } from 'react';

import { describedBy, FieldFrame } from './field-frame';

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

const frameOf = ({ id, label, hint, optional, error, width }: Common) => ({ id, label, hint, optional, error, className: `width-${width ?? 'm'}` });

export function TextField(
  props: Common & { inputMode?: 'text' | 'numeric' | 'decimal'; maxLength?: number; uppercase?: boolean; spellCheck?: boolean; placeholder?: string; readOnly?: boolean },
) {
  const { id, value, error, onChange, onBlur, hint, inputMode, maxLength, uppercase, spellCheck, placeholder, readOnly } = props;
  return (
    <FieldFrame {...frameOf(props)}>
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
    </FieldFrame>
  );
}

export function TextAreaField(props: Common & { rows?: number; maxLength?: number; required?: boolean }) {
  const { id, value, error, onChange, onBlur, hint, rows, maxLength, required } = props;
  return (
    <FieldFrame {...frameOf(props)}>
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
    </FieldFrame>
  );
}

export function SelectField(props: Common & { options: readonly { value: string; label: string }[]; disabled?: boolean }) {
  const { id, value, error, onChange, onBlur, hint, options, disabled } = props;
  return (
    <FieldFrame {...frameOf(props)}>
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
    </FieldFrame>
  );
}
