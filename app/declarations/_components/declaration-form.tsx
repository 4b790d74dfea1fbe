'use client';
// The multi-step declaration form. It holds the whole DeclarationInput (as typed strings) in state,
// validates it with the schema the server uses, and shows a field's problems once the person has left
// the field or the step. "Save draft" and "Submit" send the whole input to a server action; problems the
// server finds (unknown parties, duplicate LRN, incompleteness) come back onto the fields.
// In amend mode (a submitted declaration) it sends the whole content again with a required reason,
// as the next version: no draft saving, and the LRN and type stay as they are.
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';

import { amendAction, saveDraftAction, submitDraftAction, type SaveResult } from '../actions';
import { type FieldBinding } from '../../_components/form/bound-fields';
import type { FormApi, FormMode } from './form-api';
import {
  emptyContainer,
  emptyItem,
  errorMapOf,
  fieldId,
  getIn,
  labelOf,
  newIdempotencyKey,
  setIn,
  shiftRowKey,
  stepOf,
  STEPS,
  validate,
  type ErrorMap,
  type DeclarationFormValues,
  type Say,
} from './form-model';
import { GoodsStep } from './step-goods';
import { PermitRequirementsPanel } from './permit-requirements-panel';
import { HeaderStep } from './step-header';
import { ReviewStep } from './step-review';
import { TransportStep } from './step-transport';

type Focus = { target: string; n: number };
let focusCounter = 0;
const focusOn = (target: string): Focus => ({ target, n: ++focusCounter });

const LAST = STEPS.length - 1;

function linkTarget(key: string): string {
  return fieldId(key);
}

const DRAFT: FormMode = { kind: 'draft' };
const REASON_MAX = 500;

function reasonProblem(reason: string, t: Say): string | null {
  if (!reason.trim()) return t('reasonMissing');
  if (reason.trim().length > REASON_MAX) return t('reasonTooLong', { max: REASON_MAX });
  return null;
}

export function DeclarationForm({ declarationId, initial, mode = DRAFT }: { declarationId: string | null; initial: DeclarationFormValues; mode?: FormMode }) {
  const router = useRouter();
  const t = useTranslations('declarationForm');
  const sayError = useTranslations('errors');
  const sayWord = useTranslations();
  const format = useFormatter();
  const amending = mode.kind === 'amend';
  const [state, setState] = useState(initial);
  const [reason, setReason] = useState('');
  const [id, setId] = useState(declarationId);
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const [serverErrors, setServerErrors] = useState<ErrorMap>({});
  const [problem, setProblem] = useState<string | null>(null);
  // A problem found in the browser goes away with its fields; one from the server (a conflict) stays.
  const [problemIsLocal, setProblemIsLocal] = useState(false);
  const [summaryScope, setSummaryScope] = useState<'step' | 'all' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [running, setRunning] = useState<'save' | 'submit' | null>(null);
  const [, startTransition] = useTransition();
  // One key per form: a double click or a retry submits once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const busy = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  // What the server holds: the form warns before the page is left with changes it does not have.
  const [clean, setClean] = useState({ state: initial, reason: '' });
  const [leaving, setLeaving] = useState(false);
  const dirty = state !== clean.state || reason !== clean.reason;
  useUnsavedChangesWarning(dirty && !leaving, t('leaveUnsaved'));

  const { input, errors } = useMemo(() => {
    const checked = validate(state, t as Say, sayError as Say, sayWord as Say);
    const reasonError = amending ? reasonProblem(reason, t as Say) : null;
    return reasonError ? { input: checked.input, errors: { ...checked.errors, reason: reasonError } } : checked;
  }, [state, reason, amending, t, sayError, sayWord]);

  const visible = useMemo(() => {
    const out: ErrorMap = {};
    for (const [k, m] of Object.entries(errors)) if (touched.has(k) || revealed.has(stepOf(k))) out[k] = m;
    for (const [k, m] of Object.entries(serverErrors)) if (k && !(k in out)) out[k] = m;
    return out;
  }, [errors, serverErrors, touched, revealed]);

  useEffect(() => {
    if (!focus) return;
    const el = focus.target === 'summary' ? summaryRef.current : focus.target === 'heading' ? headingRef.current : document.getElementById(focus.target);
    (el ?? headingRef.current)?.focus();
  }, [focus]);

  const clearServer = (match: (key: string) => boolean) =>
    setServerErrors((prev) => {
      const keys = Object.keys(prev).filter(match);
      if (!keys.length) return prev;
      const next = { ...prev };
      for (const k of keys) delete next[k];
      return next;
    });

  const updateMany = (changes: Record<string, string>) => {
    setState((s) => Object.entries(changes).reduce((acc, [k, v]) => setIn(acc, k, v), s));
    clearServer((k) => k in changes);
    setSaved(null);
  };

  const touch = (key: string) => setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));

  const bind = (key: string): FieldBinding => ({
    id: fieldId(key),
    value: key === 'reason' ? reason : getIn(state, key),
    error: visible[key],
    onChange:
      key === 'reason'
        ? (value) => {
            setReason(value);
            clearServer((k) => k === 'reason');
          }
        : (value) => updateMany({ [key]: value }),
    onBlur: () => touch(key),
  });

  const removeRow = (list: 'items' | 'containers', index: number) => {
    setState((s) => ({ ...s, [list]: (s[list] as unknown[]).filter((_, i) => i !== index) }));
    const shift = <T,>(entries: [string, T][]) =>
      entries.flatMap(([k, v]) => {
        const moved = shiftRowKey(k, list, index);
        return moved === null ? [] : [[moved, v] as [string, T]];
      });
    setTouched((prev) => new Set(shift([...prev].map((k) => [k, true])).map(([k]) => k)));
    setServerErrors((prev) => Object.fromEntries(shift(Object.entries(prev))));
    setSaved(null);
    setFocus(focusOn(fieldId(list)));
  };

  const reveal = (...steps: number[]) => setRevealed((prev) => new Set([...prev, ...steps]));
  const stepHasErrors = (s: number) => Object.keys(errors).some((k) => stepOf(k) === s);

  const goTo = (target: number) => {
    reveal(step);
    setSummaryScope(null);
    setStep(target);
    setFocus(focusOn('heading'));
  };

  const next = () => {
    reveal(step);
    if (stepHasErrors(step)) {
      setSummaryScope('step');
      setFocus(focusOn('summary'));
      return;
    }
    goTo(step + 1);
  };

  const run = (kind: 'save' | 'submit') => {
    if (busy.current) return;
    reveal(0, 1, 2, 3);
    if (Object.keys(errors).length) {
      setProblem(t('correctBefore', { action: kind === 'save' ? 'save' : amending ? 'amend' : 'submit' }));
      setProblemIsLocal(true);
      setSummaryScope('all');
      setSaved(null);
      setFocus(focusOn('summary'));
      return;
    }
    busy.current = true;
    const sent = { state, reason };
    setRunning(kind);
    startTransition(async () => {
      let result: SaveResult;
      try {
        result =
          kind === 'save'
            ? await saveDraftAction(id, input)
            : amending
              ? await amendAction(id!, input, reason)
              : await submitDraftAction(id, input, idempotencyKey);
      } catch {
        result = { ok: false, id, message: t('unreachable'), fieldErrors: [] };
      }
      if (result.id && result.id !== id) {
        setId(result.id);
        // The draft exists now: further saves update it, and a reload opens it.
        window.history.replaceState(null, '', `/declarations/${result.id}/edit`);
      }
      if (result.ok) setClean(sent);
      if (result.ok && kind === 'submit') {
        setLeaving(true);
        router.push(amending ? `/declarations/${result.id}?done=amended` : `/declarations/${result.id}`);
        return; // stays busy: the page is leaving
      }
      busy.current = false;
      setRunning(null);
      if (result.ok) {
        setServerErrors({});
        setProblem(null);
        setSummaryScope(null);
        setSaved(t('draftSaved', { time: format.dateTime(new Date(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) }));
      } else {
        setServerErrors(errorMapOf(result.fieldErrors));
        setProblem(result.message);
        setProblemIsLocal(false);
        setSummaryScope('all');
        setSaved(null);
        setFocus(focusOn('summary'));
      }
    });
  };

  const form: FormApi = {
    mode,
    state,
    bind,
    update: (key, value) => updateMany({ [key]: value }),
    updateMany,
    addContainer: () => {
      setState((s) => ({ ...s, containers: [...s.containers, emptyContainer()] }));
      clearServer((k) => k === 'containers');
      setFocus(focusOn(fieldId(`containers.${state.containers.length}.containerNumber`)));
    },
    removeContainer: (i) => removeRow('containers', i),
    addItem: () => {
      setState((s) => ({ ...s, items: [...s.items, emptyItem()] }));
      clearServer((k) => k === 'items');
      setFocus(focusOn(fieldId(`items.${state.items.length}.commodityCode`)));
    },
    removeItem: (i) => removeRow('items', i),
    listError: (key) => visible[key],
    goTo,
  };

  const summary = summaryScope ? Object.entries(visible).filter(([k]) => summaryScope === 'all' || stepOf(k) === step) : [];
  const showSummary = summaryScope !== null && (summary.length > 0 || (summaryScope === 'all' && !!problem && !problemIsLocal));
  const stepsWithErrors = new Set(Object.keys(visible).map(stepOf));

  return (
    <form
      noValidate
      className="declaration-form"
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (step < LAST) next();
        else run('submit');
      }}
    >
      <nav aria-label={t('formSteps')}>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} className={i === step ? 'current' : i < step ? 'done' : undefined}>
              <button type="button" className="step-button" aria-current={i === step ? 'step' : undefined} onClick={() => goTo(i)}>
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>
                  <span className="visually-hidden">{t('stepNumber', { n: i + 1 })} </span>
                  {t(`step.${s}`)}
                  {stepsWithErrors.has(i) && i !== LAST && (
                    <span className="step-flag" title={t('needsAttention')}>
                      <span aria-hidden="true">!</span>
                      <span className="visually-hidden"> {t('needsAttentionHidden')}</span>
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {showSummary && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" data-testid="error-summary">
          <h2 id="error-summary-title">{t('thereIsAProblem')}</h2>
          {summaryScope === 'all' && problem && <p>{problem}</p>}
          {summary.length > 0 && (
            <ul>
              {summary.map(([key, message]) => (
                <li key={key}>
                  <a
                    href={`#${linkTarget(key)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setStep(stepOf(key));
                      setFocus(focusOn(linkTarget(key)));
                    }}
                  >
                    {key ? `${labelOf(key, t as Say)}: ` : ''}
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section className="step" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          <span className="step-of">
            {t('stepOf', { n: step + 1, total: STEPS.length })}
          </span>{' '}
          {t(`step.${STEPS[step]!}`)}
        </h2>
        {step === 0 && <HeaderStep form={form} />}
        {step === 1 && <TransportStep form={form} />}
        {step === 2 && <GoodsStep form={form} />}
        {step === 3 && <ReviewStep form={form} />}
      </section>
      <PermitRequirementsPanel state={state} declarationId={id} />

      <div className="form-actions">
        {step > 0 && (
          <button type="button" className="button-secondary" onClick={() => goTo(step - 1)}>
            {t('back')}
          </button>
        )}
        {!amending && (
          <button type="button" className="button-secondary" onClick={() => run('save')} disabled={running !== null}>
            {running === 'save' ? t('saving') : t('saveDraft')}
          </button>
        )}
        {step < LAST ? (
          <button type="submit">{t('continue')}</button>
        ) : (
          <button type="submit" disabled={running !== null}>
            {running === 'submit' ? t('submitting') : amending ? t('submitAmendment') : t('submitDeclaration')}
          </button>
        )}
        <p role="status" className="save-status" data-testid="save-status">
          {saved}
        </p>
      </div>
    </form>
  );
}

/**
 * Asks before the page is left with unsaved changes: the browser's own prompt on reload, close or an
 * address typed, and a confirm() on the portal's links (client-side navigation fires no beforeunload).
 */
function useUnsavedChangesWarning(active: boolean, question: string) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('href')?.startsWith('#') || e.defaultPrevented) return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active, question]);
}
