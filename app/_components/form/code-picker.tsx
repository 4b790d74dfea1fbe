'use client';
// A field whose value is a code from a list (procedure codes, customs offices, UN/LOCODEs, package
// kinds, units, Incoterms, parties by EORI): an ARIA 1.2 combobox that filters the list by code or by
// words of the name as the person types. Keyboard: ArrowDown/ArrowUp move through the options (and open
// the list), Enter picks, Escape closes, Tab leaves with what was typed. The code typed is what is sent:
// the server validates it whatever the picker showed. The hint names what the current code designates,
// or says when it is not one the list knows.
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, type ReactNode } from 'react';

import { CODE_LIST_DATA, type CodeListEntry, type CodeListName } from '../../../lib/code-lists/data';
import { searchCodeList } from '../../../lib/code-lists/search-code-list';
import type { FieldBinding } from './bound-fields';
import { FieldError } from './field-frame';

interface PickerProps extends FieldBinding {
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  width?: 'xs' | 's' | 'm' | 'l' | 'full';
  maxLength?: number;
  /** Said after the hint, e.g. where a filled-in value came from (part of the field's description). */
  note?: ReactNode;
}

/** A combobox over a list of entries given by the caller (e.g. party suggestions). */
export function CodePicker(props: PickerProps & { entries: readonly CodeListEntry[]; search: (q: string) => CodeListEntry[]; unknownHint?: string }) {
  const { id, value, error, onChange, onBlur, label, hint, optional, width, maxLength, entries, search, unknownHint, note } = props;
  const t = useTranslations('formParts');
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(() => search(value), [search, value]);
  const expanded = open && options.length > 0;
  const current = entries.find((e) => e.code === value.trim().toUpperCase());

  const pick = (e: CodeListEntry) => {
    onChange(e.code);
    setOpen(false);
    setActive(-1);
  };

  const hintId = `${id}-hint`;
  const described = current ? (
    <>
      <span className="picked">
        {current.code} — {current.name}
      </span>
    </>
  ) : value.trim() && unknownHint ? (
    unknownHint
  ) : (
    hint
  );
  const shownHint = note ? (
    <>
      {described} <span className="prefill-note">{note}</span>
    </>
  ) : (
    described
  );
  return (
    <div className={`field width-${width ?? 'm'} code-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('optional')}</span>}
      </label>
      {shownHint && (
        <p className="hint" id={hintId}>
          {shownHint}
        </p>
      )}
      <FieldError id={id} error={error} />
      <div className="combobox">
        <input
          id={id}
          name={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          className="uppercase"
          value={value}
          maxLength={maxLength}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[shownHint ? hintId : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && options.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % options.length);
            } else if (e.key === 'ArrowUp' && options.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
            } else if (e.key === 'Enter' && expanded && active >= 0) {
              e.preventDefault();
              pick(options[active]!);
            } else if (e.key === 'Escape' && expanded) {
              e.preventDefault();
              setOpen(false);
            }
          }}
          onBlur={() => {
            setOpen(false);
            onBlur();
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('optionsLabel', { label })} className="listbox" hidden={!expanded}>
          {options.map((o, i) => (
            <li
              key={o.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Keep the focus in the input: the click picks before the input's blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              <code>{o.code}</code> <span>{o.name}</span> <span />
            </li>
          ))}
        </ul>
      </div>
      <p role="status" className="visually-hidden">
        {expanded ? t('optionCount', { count: options.length }) : ''}
      </p>
    </div>
  );
}

/** A combobox over one of the shipped code lists (lib/code-lists/data.ts). */
export function CodeListPicker(props: PickerProps & { list: CodeListName }) {
  const { list } = props;
  const t = useTranslations('formParts');
  const data = CODE_LIST_DATA[list];
  const search = useMemo(() => (q: string) => searchCodeList({ name: list, search: q, first: 12 }).entries, [list]);
  return (
    <CodePicker
      {...props}
      entries={data.entries}
      search={search}
      unknownHint={data.complete ? undefined : t('notInList', { list: t(`codeList.${list}`), version: data.version })}
    />
  );
}
