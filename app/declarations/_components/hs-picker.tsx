'use client';
// The commodity code field: a combobox that searches the HS 2022 nomenclature (public GraphQL API) as
// the person types a code or words, and fills in the subheading they pick. Keyboard: arrows move
// through the suggestions, Enter picks, Escape closes.
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import { type FieldBinding } from '../../_components/form/bound-fields';
import { FieldError } from '../../_components/form/field-frame';

export interface Suggestion {
  /** Digits only: a 6-digit HS subheading or an 8-digit national tariff line. */
  code: string;
  formattedCode: string;
  description: string;
  kind: 'subheading' | 'line';
  /** The language of `description` (an HS entry with no translation loaded for the page's language is English). */
  descriptionLocale?: string;
  /** A national line's supplementary unit (UN/ECE Rec. 20), when it names one. */
  supplementaryUnit?: string | null;
}

interface Found {
  hsCodes?: { edges: { node: { code: string; formattedCode: string; description: string; descriptionLocale: string } }[] };
  tariffLines?: { edges: { node: { code: string; hsCode: string; description: string; supplementaryUnit: string | null } }[] };
}

const QUERY = `query($q:String){
  hsCodes(search:$q, level: SUBHEADING, first: 8){ edges { node { code formattedCode description descriptionLocale } } }
  tariffLines(search:$q, first: 8){ edges { node { code hsCode description supplementaryUnit } } }
}`;
const LINES_QUERY = 'query($q:String){ tariffLines(search:$q, first: 30){ edges { node { code hsCode description supplementaryUnit } } } }';

/** 09012100 → 0901.21 00 */
function formatLine(code: string): string {
  return `${code.slice(0, 4)}.${code.slice(4, 6)} ${code.slice(6)}`;
}

async function graphql(query: string, q: string, signal: AbortSignal, locale: string): Promise<Found> {
  const res = await fetch('/api/graphql', {
    method: 'POST',
    // The page's language, so that HS descriptions come in it where a translation is loaded.
    headers: { 'content-type': 'application/json', 'accept-language': locale },
    body: JSON.stringify({ query, variables: { q } }),
    signal,
  });
  if (!res.ok) return {};
  return ((await res.json()) as { data?: Found }).data ?? {};
}

function lineSuggestions(found: Found): Suggestion[] {
  return (found.tariffLines?.edges ?? []).map(({ node }) => ({ code: node.code, formattedCode: formatLine(node.code), description: node.description, descriptionLocale: 'en', kind: 'line' as const, supplementaryUnit: node.supplementaryUnit }));
}

/**
 * Subheadings and national tariff lines in one list: a subheading divided into national lines is
 * replaced by its lines (a declaration must name the line), the others are offered as they are.
 */
async function searchHs(q: string, signal: AbortSignal, locale: string): Promise<Suggestion[]> {
  const found = await graphql(QUERY, q, signal, locale);
  const lines = lineSuggestions(found);
  const out: Suggestion[] = [];
  const used = new Set<string>();
  for (const { node } of found.hsCodes?.edges ?? []) {
    const own = lines.filter((l) => l.code.startsWith(node.code));
    const take = own.length ? own : [{ ...node, kind: 'subheading' as const }];
    for (const t of take) {
      if (used.has(t.code)) continue;
      out.push(t);
      used.add(t.code);
    }
  }
  out.push(...lines.filter((l) => !used.has(l.code)));
  return out.slice(0, 12);
}

/** The national lines of a subheading (none when it is not divided). */
async function linesOf(subheading: string, signal: AbortSignal, locale: string): Promise<Suggestion[]> {
  return lineSuggestions(await graphql(LINES_QUERY, subheading, signal, locale)).filter((l) => l.code.startsWith(subheading));
}

export function HsPicker(
  props: FieldBinding & {
    label: string;
    /** What the current code designates, shown as the field's hint. */
    picked: string;
    onPick: (s: Suggestion) => void;
    /** A typed code that is exactly a suggestion: its description, without changing what was typed. */
    onRecognise: (s: Suggestion) => void;
  },
) {
  const { id, label, value, error, onChange, onBlur, picked, onPick, onRecognise } = props;
  const t = useTranslations('declarationForm.hsPicker');
  const locale = useLocale();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      abort.current?.abort();
    },
    [],
  );

  /** Debounced search on what was typed (not on a picked value). */
  const search = (text: string) => {
    clearTimeout(timer.current);
    abort.current?.abort();
    const q = text.trim();
    setQuery(q);
    setNotice(null);
    if (q.length < 2) {
      setSuggestions([]);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    timer.current = setTimeout(() => {
      setSearching(true);
      searchHs(q, controller.signal, locale)
        .then((found) => {
          const exact = found.find((f) => f.code === q.replace(/[.\s]/g, ''));
          if (exact) onRecognise(exact);
          setSuggestions(found);
          setActive(-1);
          // Answers that arrive after the person left the field (or pressed Escape) stay closed.
          if (document.activeElement === input.current && !controller.signal.aborted) setOpen(true);
        })
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, 250);
  };

  const pick = (s: Suggestion) => {
    clearTimeout(timer.current);
    abort.current?.abort();
    onPick(s);
    setOpen(false);
    setSearching(false);
    setQuery(null);
    setSuggestions([]);
    setActive(-1);
    setNotice(null);
    if (s.kind !== 'subheading') return;
    // A subheading divided in the national tariff needs one of its lines: offer them at once.
    const controller = new AbortController();
    abort.current = controller;
    linesOf(s.code, controller.signal, locale)
      .then((lines) => {
        if (!lines.length || controller.signal.aborted || document.activeElement !== input.current) return;
        setSuggestions(lines);
        setOpen(true);
        setNotice(t('divided', { code: s.formattedCode, count: lines.length }));
      })
      .catch(() => undefined);
  };

  const stop = () => {
    clearTimeout(timer.current);
    abort.current?.abort();
    setSearching(false);
    setOpen(false);
  };

  const expanded = open && suggestions.length > 0;
  const hintId = `${id}-hint`;
  const describedBy = [hintId, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`field width-l hs-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={hintId}>
        {picked ? (
          <>
            <span className="picked">{picked}</span>
          </>
        ) : (
          t('hint')
        )}
      </p>
      <FieldError id={id} error={error} />
      {notice && (
        <p className="picker-notice" aria-hidden="true">
          {notice}
        </p>
      )}
      <div className="combobox">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            onChange(e.target.value);
            search(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && suggestions.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % suggestions.length);
            } else if (e.key === 'ArrowUp' && suggestions.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
            } else if (e.key === 'Enter' && expanded && active >= 0) {
              e.preventDefault();
              pick(suggestions[active]!);
            } else if (e.key === 'Escape') {
              if (expanded) e.preventDefault();
              stop();
            }
          }}
          onBlur={() => {
            stop();
            onBlur();
          }}
        />
        <ul id={listId} role="listbox" aria-label={t('suggestionsLabel', { label })} className="listbox" hidden={!expanded}>
          {suggestions.map((s, i) => (
            <li
              key={s.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Keep the focus in the input: the click picks before the input's blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <code>{s.formattedCode}</code> <span {...(s.descriptionLocale && s.descriptionLocale !== locale && { lang: s.descriptionLocale, dir: 'auto' })}>{s.description}</span>{' '}
              {s.kind === 'line' ? <span className="option-kind">{t('nationalLine')}</span> : <span />}
            </li>
          ))}
        </ul>
      </div>
      {open && !searching && suggestions.length === 0 && query && (
        <p className="hint no-match">{t('noMatch', { query })}</p>
      )}
      <p role="status" className="visually-hidden">
        {searching ? t('searching') : notice ? notice : open && query !== null && query.length >= 2 ? t('suggestionCount', { count: suggestions.length }) : ''}
      </p>
    </div>
  );
}
