'use client';
// "Permits and certificates" beside the declaration form: while the trader types an item's commodity
// code, origin or procedure, the public requirement lookup (`permitRequirements` of the GraphQL API,
// lib/permits/find-permit-requirements.ts) says which agency needs which LPCO — debounced, one request
// for all items. Once the draft is saved, each requirement can be met here: cite one of the company's
// valid permits, give an external reference the agency confirms, disclaim a MAY_BE_REQUIRED one (code +
// reason), or apply now, prefilled from the declaration. The panel sits inside the form, so its controls
// are buttons that call server actions (a nested <form> is not allowed).
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { citePermitAction, loadPanelState, type PanelRequirement, type PickablePermit } from '../../permits/actions';
import type { DeclarationFormValues } from './form-model';

const DEBOUNCE_MS = 400;

const DISCLAIM_CODES = [
  { code: 'A', label: 'A — not regulated by this agency' },
  { code: 'B', label: 'B — exempt under the agency’s guidance' },
  { code: 'C', label: 'C — requirement met otherwise' },
];

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

const STATUS_LABEL: Record<string, string> = {
  SATISFIED: 'Satisfied',
  DISCLAIMED: 'Disclaimed',
  WAIVED: 'Waived by customs',
  MISSING: 'Missing',
  PENDING: 'Pending',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  EXHAUSTED: 'Exhausted',
};

export function PermitRequirementsPanel({ state, declarationId }: { state: DeclarationFormValues; declarationId: string | null }) {
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
          setFailure(e instanceof Error ? 'The requirement lookup did not answer: try again in a moment.' : String(e));
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
  }, [key]);

  const refresh = useCallback(() => {
    if (declarationId) void loadPanelState(declarationId).then(setSaved);
  }, [declarationId]);
  useEffect(refresh, [refresh]);

  // With no code typed there is nothing to show (an earlier answer is stale).
  const lookups = items.length ? looked : [];
  const count = lookups.reduce((n, l) => n + (l.requirements?.length ?? 0), 0);
  return (
    <section className="panel permit-panel" aria-labelledby="permit-panel-heading" data-testid="permit-panel">
      <h2 id="permit-panel-heading">Permits and certificates</h2>
      <p role="status" className="hint" data-testid="permit-panel-status">
        {busy ? 'Checking what other agencies need…' : !items.length ? 'Type a commodity code to see which licences, permits or certificates its goods need.' : count === 0 && !failure ? 'No other agency needs a permit for these goods.' : `${count} ${count === 1 ? 'requirement' : 'requirements'}.`}
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
              Item {l.sequence}: {l.problem}
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
        Item {sequence}: {r.documentName} ({r.documentCode}) — {r.agency.name}
      </h3>
      <p>
        <strong className={r.severity === 'REQUIRED' ? 'badge badge-bad' : 'badge badge-warn'}>{r.severity === 'REQUIRED' ? 'Required' : 'May be required'}</strong> {r.reason}{' '}
        <span className="hint">({r.legalBasis})</span>
      </p>
      {cited && (
        <p data-testid={`requirement-state-${sequence}-${r.ruleKey}`}>
          Status: <strong>{STATUS_LABEL[cited.status] ?? cited.status}</strong>
          {cited.permitNumber && <> — permit {cited.permitNumber}</>}
          {cited.externalReference && <> — external reference {cited.externalReference}</>}
          {cited.disclaimCode && <> — disclaimed ({cited.disclaimCode})</>}
          {cited.application && (
            <>
              {' '}
              — application <Link href={`/permits/applications/${cited.application.id}`}>{cited.application.number}</Link> ({cited.application.status.replace(/_/g, ' ').toLowerCase()})
            </>
          )}
        </p>
      )}
      {!declarationId ? (
        <p className="hint">Save the draft to cite a permit, give a reference or apply from this declaration.</p>
      ) : (
        <div className="button-row" role="group" aria-label={`What meets item ${sequence}’s ${r.documentName}`}>
          <button type="button" className="button-secondary" aria-expanded={mode === 'permit'} onClick={() => setMode(mode === 'permit' ? null : 'permit')}>
            Cite a permit
          </button>
          <button type="button" className="button-secondary" aria-expanded={mode === 'external'} onClick={() => setMode(mode === 'external' ? null : 'external')}>
            External reference
          </button>
          {r.severity === 'MAY_BE_REQUIRED' && (
            <button type="button" className="button-secondary" aria-expanded={mode === 'disclaim'} onClick={() => setMode(mode === 'disclaim' ? null : 'disclaim')}>
              Disclaim
            </button>
          )}
          <Link className="button" href={`/permits/apply?declarationId=${declarationId}&ruleKey=${encodeURIComponent(r.ruleKey)}`}>
            Apply now
          </Link>
        </div>
      )}
      {mode === 'permit' &&
        (permits.length === 0 ? (
          <p className="empty">Your company holds no valid {r.documentName} of {r.agency.code} for this code. Apply for one.</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-permit`}>Permit</label>
            <select id={`${id}-permit`} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Choose a permit</option>
              {permits.map((p) => (
                <option key={p.number} value={p.number}>
                  {p.number}, valid until {p.validUntil.slice(0, 10)}
                  {p.available !== null ? `, ${p.available} ${p.quantityUnit ?? ''} available` : ''}
                </option>
              ))}
            </select>
            <button type="button" disabled={!value || pending} onClick={() => send({ permitNumber: value })}>
              Cite permit
            </button>
          </div>
        ))}
      {mode === 'external' && (
        <div className="field">
          <label htmlFor={`${id}-external`}>Reference number given by {r.agency.code}</label>
          <input id={`${id}-external`} value={value} maxLength={70} onKeyDown={noSubmit} onChange={(e) => setValue(e.target.value)} />
          <button type="button" disabled={!value.trim() || pending} onClick={() => send({ externalReference: value })}>
            Give reference
          </button>
        </div>
      )}
      {mode === 'disclaim' && (
        <div className="field">
          <label htmlFor={`${id}-disclaim-code`}>Disclaim code</label>
          <select id={`${id}-disclaim-code`} value={disclaimCode} onChange={(e) => setDisclaimCode(e.target.value)}>
            {DISCLAIM_CODES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-disclaim-reason`}>Reason (the agency sees it)</label>
          <textarea id={`${id}-disclaim-reason`} value={value} maxLength={500} onChange={(e) => setValue(e.target.value)} />
          <button type="button" disabled={pending} onClick={() => send({ disclaimCode, disclaimReason: value })}>
            Disclaim
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
