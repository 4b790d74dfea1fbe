// The frame every field of the portal's forms shares: a label tied to the control, a hint and an error
// next to it with ids the control names in aria-describedby (`${id}-hint`, `${id}-error`), and the
// invalid styling. Fields that are not one labelled control (checkbox groups, radio sets) use FieldHint
// and FieldError directly so that they read the same.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The ids of the hint and error that describe a control, when they are shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  );
}

/**
 * A field's error, next to it. `announce` makes it an alert of its own: for forms without an error
 * summary that takes the focus (the declaration's action forms), so that a screen reader still hears it.
 */
export function FieldError({ id, error, announce }: { id: string; error?: string; announce?: boolean }) {
  const t = useTranslations('formParts');
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`} role={announce ? 'alert' : undefined}>
      <span className="visually-hidden">{t('errorPrefix')} </span>
      {error}
    </p>
  );
}

export interface FrameProps {
  /** The control's id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  /** A width class of globals.css (`width-s`…), or any other class for the field. */
  className?: string;
  announce?: boolean;
}

export function FieldFrame({ id, label, hint, error, optional, className, announce, children }: FrameProps & { children: ReactNode }) {
  const t = useTranslations('formParts');
  return (
    <div className={['field', className ?? '', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('optional')}</span>}
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} error={error} announce={announce} />
      {children}
    </div>
  );
}
