// The parts every list page of the portal is made of, so that they read and behave the same: a search
// form (GET, works without JavaScript, keeps the other filters), the count as the list's heading, an
// empty state, the table in a scrollable region, and the reason a page could not be read. The pager is
// in ./pager.tsx.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** A GET search form: `keep` are the filters it carries along as hidden fields; `reset` clears them all. */
export function SearchForm({
  action,
  label,
  keep = {},
  submit,
  reset,
  hinted,
  children,
}: {
  action: string;
  /** Needed when the page has more than one search landmark, or the fields do not say what is searched. */
  label?: string;
  keep?: Record<string, string | undefined>;
  submit?: string;
  /** Shown when a filter is set. */
  reset?: { href: string; label: string };
  /** A field has a hint under it: line the buttons up with the inputs rather than with the hints. */
  hinted?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('list');
  return (
    <form role="search" method="get" action={action} className="search-form" aria-label={label}>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <div className={hinted ? 'button-row filter-buttons' : 'button-row'}>
        <button type="submit">{submit ?? t('search')}</button>
        {reset && (
          <Link href={reset.href} className="reset-link">
            {reset.label}
          </Link>
        )}
      </div>
    </form>
  );
}

/** A search box of a SearchForm, its hint tied to it. */
export function SearchField({
  id,
  name = id,
  label,
  defaultValue,
  maxLength,
  hint,
  uppercase,
}: {
  id: string;
  name?: string;
  label: string;
  defaultValue?: string;
  maxLength: number;
  hint?: ReactNode;
  uppercase?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        className={uppercase ? 'uppercase' : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * "12 declarations submitted matching “coffee”": the list's heading, so the count is announced with it.
 * A translated page passes the whole sentence as `text` (an ICU plural); `noun` is the English form.
 */
export function ListCount({ id, count, noun, filters, hidden, text }: { id: string; count: number; noun?: [one: string, many: string]; filters?: ReactNode; hidden?: boolean; text?: string }) {
  return (
    <h2 id={id} className={hidden ? 'visually-hidden' : undefined}>
      {text ?? (
        <>
          {count.toLocaleString('en')} {count === 1 ? noun?.[0] : noun?.[1]}
          {filters}
        </>
      )}
    </h2>
  );
}

/** Nothing here yet: what the list will hold, and the way to start it. */
export function EmptyState({ testId = 'empty-state', children }: { testId?: string; children: ReactNode }) {
  return (
    <div className="empty-state" data-testid={testId}>
      {children}
    </div>
  );
}

/** Nothing matches (or the list is empty and needs no call to action). */
export function NoResults({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="empty" data-testid={testId}>
      {children}
    </p>
  );
}

/** Why the list could not be read (see readListPage), with a way back when there is one. */
export function ListError({ error, children }: { error: string | null; children?: ReactNode }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
      {children && <> {children}</>}
    </p>
  );
}

/**
 * A results table in a scrollable region that keyboard users can reach (tabIndex 0): named by `label`
 * (also the table's hidden caption) or by the heading `labelledBy`.
 */
export function ResultsTable({
  label,
  labelledBy,
  testId,
  className = 'results',
  children,
}: {
  label?: string;
  labelledBy?: string;
  testId?: string;
  className?: string;
  /** The table's thead and tbody. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={label ? undefined : labelledBy} tabIndex={0}>
      <table className={className} data-testid={testId}>
        {label && <caption className="visually-hidden">{label}</caption>}
        {children}
      </table>
    </div>
  );
}
