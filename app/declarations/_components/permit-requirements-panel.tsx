'use client';
// "Permits and certificates" beside the declaration form: while the trader types an item's commodity
// code, origin or procedure, the public requirement lookup (`permitRequirements` of the GraphQL API,
// lib/permits/find-permit-requirements.ts) says which agency needs which LPCO — debounced, one request
// for all items. Once the draft is saved, each requirement can be met here: cite one of the company's
// valid permits, give an external reference the agency confirms, disclaim a MAY_BE_REQUIRED one (code +
// reason), or apply now, prefilled from the declaration. The panel sits inside the form, so its controls
// are buttons that call server actions (a nested <form> is not allowed).
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { citePermitAction, loadPanelState, type PanelRequirement, type PickablePermit } from '../../permits/actions';
import type { DeclarationFormValues } from './form-model';

const DEBOUNCE_MS = 400;

const DISCLAIM_CODES = ['A', 'B', 'C'] as const;

interface Requirement {
  ruleKey: string;
  documentCode: string;
  documentName: string;
  severity: 'REQUIRED' | 'MAY_BE_REQUIRED';
  reason: string;
  legalBasis: string;
  quantityManaged: boolean;
  quantityUnit: string | null;
  agency: { id: string; code: string; name: string };
}

type ItemLookup = { sequence: number; commodityCode: string; originCountry: string; requirements: Requirement[] | null; problem: string | null };

const FIELDS = 'ruleKey documentCode documentName severity reason legalBasis quantityManaged quantityUnit agency { id code name }';

/** What an item needs for a lookup: a code of 6+ digits; the origin and procedure when typed. */
function lookupOf(s: DeclarationFormValues) {
  return s.items
    .map((i, n) => ({ sequence: n + 1, commodityCode: i.commodityCode.replace(/[\s.]/g, ''), originCountry: i.originCountry.trim().toUpperCase(), procedureCode: (i.procedureCode || s.procedureCode).trim() }))
    .filter((i) => /^\d{6,10}$/.test(i.commodityCode));
}

async function lookUp(items: ReturnType<typeof lookupOf>, direction: string, signal: AbortSignal): Promise<ItemLookup[]> {
  const vars = items.map((_, n) => `$c${n}: String!, $o${n}: String, $p${n}: String`).join(', ');
  const fields = items.map((_, n) => `i${n}: permitRequirements(commodityCode: $c${n}, originCountry: $o${n}, procedureCode: $p${n}, direction: $direction) { ${FIELDS} }`).join('\n');
  const variables: Record<string, string | null> = { direction };
  items.forEach((i, n) => {
    variables[`c${n}`] = i.commodityCode;
    variables[`o${n}`] = /^[A-Z]{2}$/.test(i.originCountry) ? i.originCountry : null;
    variables[`p${n}`] = /^\d{4}$/.test(i.procedureCode) ? i.procedureCode : null;
  });
  const res = await fetch('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `query PermitPanel($direction: TradeDirection!, ${vars}) { ${fields} }`, variables }),
    signal,
  });
  const body = (await res.json()) as { data?: Record<string, Requirement[] | null> | null; errors?: { message: string; path?: string[] }[] };
  return items.map((i, n) => {
    const error = body.errors?.find((e) => e.path?.[0] === `i${n}`) ?? (body.data ? undefined : body.errors?.[0]);
    return { sequence: i.sequence, commodityCode: i.commodityCode, originCountry: i.originCountry, requirements: body.data?.[`i${n}`] ?? null, problem: error ? error.message : null };
  });
}

/** Requirement states named in the catalogue (declarationForm.permits.status.*); others show their code. */
const STATUSES = new Set(['SATISFIED', 'DISCLAIMED', 'WAIVED', 'MISSING', 'PENDING', 'REJECTED', 'EXPIRED', 'REVOKED', 'EXHAUSTED']);

export function PermitRequirementsPanel({ state, declarationId }: { state: DeclarationFormValues; declarationId: string | null }) {
  const t = useTranslations('declarationForm.permits');
  const items = useMemo(() => lookupOf(state), [state]);
  const direction = state.type === 'EX' ? 'EXPORT' : 'IMPORT';
  const key = JSON.stringify([items, direction]);
  const [looked, setLookups] = useState<ItemLookup[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ requirements: PanelRequirement[]; permits: PickablePermit[] } | null>(null);

  useEffect(() => {
    if (!items.length) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      lookUp(items, direction, controller.signal).then(
        (result) => {
          setLookups(result);
          setFailure(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setFailure(e instanceof Error ? t('lookupFailed') : String(e));
          setBusy(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for items and direction.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, t]);

  const refresh = useCallback(() => {
    if (declarationId) void loadPanelState(declarationId).then(setSaved);
  }, [declarationId]);
  useEffect(refresh, [refresh]);

  // With no code typed there is nothing to show (an earlier answer is stale).
  const lookups = items.length ? looked : [];
  const count = lookups.reduce((n, l) => n + (l.requirements?.length ?? 0), 0);
  return (
    <section className="panel permit-panel" aria-labelledby="permit-panel-heading" data-testid="permit-panel">
      <h2 id="permit-panel-heading">{t('heading')}</h2>
      <p role="status" className="hint" data-testid="permit-panel-status">
        {busy ? t('checking') : !items.length ? t('typeACode') : count === 0 && !failure ? t('noneNeeded') : t('count', { count })}
      </p>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {lookups.map((l) => (
        <div key={l.sequence} data-testid={`permit-panel-item-${l.sequence}`}>
          {l.problem && (
            <p className="error">
              {t('itemProblem', { sequence: l.sequence, problem: l.problem })}
            </p>
          )}
          {(l.requirements ?? []).map((r) => (
            <RequirementCard
              key={r.ruleKey}
              sequence={l.sequence}
              requirement={r}
              declarationId={declarationId}
              cited={saved?.requirements.find((s) => s.itemSequence === l.sequence && s.ruleKey === r.ruleKey) ?? null}
              permits={(saved?.permits ?? []).filter((p) => p.agencyId === r.agency.id && p.documentCode === r.documentCode && p.commodityCodes.some((c) => l.commodityCode.startsWith(c) || c.startsWith(l.commodityCode)))}
              onChange={refresh}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

type Mode = 'permit' | 'external' | 'disclaim' | null;

function RequirementCard({
  sequence,
  requirement: r,
  declarationId,
  cited,
  permits,
  onChange,
}: {
  sequence: number;
  requirement: Requirement;
  declarationId: string | null;
  cited: PanelRequirement | null;
  permits: PickablePermit[];
  onChange: () => void;
}) {
  const t = useTranslations('declarationForm.permits');
  const [mode, setMode] = useState<Mode>(null);
  const [value, setValue] = useState('');
  const [disclaimCode, setDisclaimCode] = useState('A');
  const [message, setMessage] = useState<{ ok: boolean; text: string; problems: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const id = `permit-${sequence}-${r.ruleKey}`;

  const send = async (input: { permitNumber?: string; externalReference?: string; disclaimCode?: string; disclaimReason?: string }) => {
    if (!declarationId) return;
    setPending(true);
    const outcome = await citePermitAction({ declarationId, itemSequence: sequence, ruleKey: r.ruleKey, ...input });
    setPending(false);
    setMessage({ ok: outcome.ok, text: outcome.message ?? '', problems: outcome.fieldErrors.map((f) => f.message) });
    if (outcome.ok) {
      setMode(null);
      setValue('');
      onChange();
    }
  };
  // Enter in the panel's fields must not submit the declaration form around it.
  const noSubmit = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') e.preventDefault();
  };

  return (
    <article className="permit-requirement" aria-labelledby={`${id}-title`} data-testid={`requirement-${sequence}-${r.ruleKey}`}>
      <h3 id={`${id}-title`}>
        {t('requirementTitle', { sequence, document: r.documentName, code: r.documentCode, agency: r.agency.name })}
      </h3>
      <p>
        <strong className={r.severity === 'REQUIRED' ? 'badge badge-bad' : 'badge badge-warn'}>{r.severity === 'REQUIRED' ? t('required') : t('mayBeRequired')}</strong> {r.reason}{' '}
        <span className="hint">({r.legalBasis})</span>
      </p>
      {cited && (
        <p data-testid={`requirement-state-${sequence}-${r.ruleKey}`}>
          {t('statusLabel')} <strong>{STATUSES.has(cited.status) ? t(`status.${cited.status}`) : cited.status}</strong>
          {cited.permitNumber && <> — {t('citedPermit', { number: cited.permitNumber })}</>}
          {cited.externalReference && <> — {t('citedExternal', { reference: cited.externalReference })}</>}
          {cited.disclaimCode && <> — {t('citedDisclaimed', { code: cited.disclaimCode })}</>}
          {cited.application && (
            <>
              {' '}
              —{' '}
              {t.rich('citedApplication', {
                number: cited.application.number,
                // The application's status stays its code, as the permits pages show it until they are translated.
                status: cited.application.status.replace(/_/g, ' ').toLowerCase(),
                link: (chunks) => <Link href={`/permits/applications/${cited.application!.id}`}>{chunks}</Link>,
              })}
            </>
          )}
        </p>
      )}
      {!declarationId ? (
        <p className="hint">{t('saveFirst')}</p>
      ) : (
        <div className="button-row" role="group" aria-label={t('whatMeets', { sequence, document: r.documentName })}>
          <button type="button" className="button-secondary" aria-expanded={mode === 'permit'} onClick={() => setMode(mode === 'permit' ? null : 'permit')}>
            {t('citeAPermit')}
          </button>
          <button type="button" className="button-secondary" aria-expanded={mode === 'external'} onClick={() => setMode(mode === 'external' ? null : 'external')}>
            {t('externalReference')}
          </button>
          {r.severity === 'MAY_BE_REQUIRED' && (
            <button type="button" className="button-secondary" aria-expanded={mode === 'disclaim'} onClick={() => setMode(mode === 'disclaim' ? null : 'disclaim')}>
              {t('disclaim')}
            </button>
          )}
          <Link className="button" href={`/permits/apply?declarationId=${declarationId}&ruleKey=${encodeURIComponent(r.ruleKey)}`}>
            {t('applyNow')}
          </Link>
        </div>
      )}
      {mode === 'permit' &&
        (permits.length === 0 ? (
          <p className="empty">{t('noValidPermit', { document: r.documentName, agency: r.agency.code })}</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-permit`}>{t('permit')}</label>
            <select id={`${id}-permit`} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">{t('choosePermit')}</option>
              {permits.map((p) => (
                <option key={p.number} value={p.number}>
                  {p.available !== null
                    ? t('permitOptionAvailable', { number: p.number, until: p.validUntil.slice(0, 10), available: p.available, unit: p.quantityUnit ?? '' })
                    : t('permitOption', { number: p.number, until: p.validUntil.slice(0, 10) })}
                </option>
              ))}
            </select>
            <button type="button" disabled={!value || pending} onClick={() => send({ permitNumber: value })}>
              {t('citePermit')}
            </button>
          </div>
        ))}
      {mode === 'external' && (
        <div className="field">
          <label htmlFor={`${id}-external`}>{t('referenceBy', { agency: r.agency.code })}</label>
          <input id={`${id}-external`} value={value} maxLength={70} onKeyDown={noSubmit} onChange={(e) => setValue(e.target.value)} />
          <button type="button" disabled={!value.trim() || pending} onClick={() => send({ externalReference: value })}>
            {t('giveReference')}
          </button>
        </div>
      )}
      {mode === 'disclaim' && (
        <div className="field">
          <label htmlFor={`${id}-disclaim-code`}>{t('disclaimCode')}</label>
          <select id={`${id}-disclaim-code`} value={disclaimCode} onChange={(e) => setDisclaimCode(e.target.value)}>
            {DISCLAIM_CODES.map((c) => (
              <option key={c} value={c}>
                {c} — {t(`disclaimReason.${c}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-disclaim-reason`}>{t('disclaimReasonLabel')}</label>
          <textarea id={`${id}-disclaim-reason`} value={value} maxLength={500} onChange={(e) => setValue(e.target.value)} />
          <button type="button" disabled={pending} onClick={() => send({ disclaimCode, disclaimReason: value })}>
            {t('disclaim')}
          </button>
        </div>
      )}
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'error'}>
          <p>{message.text}</p>
          {message.problems.length > 0 && (
            <ul>
              {message.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </article>
  );
}
