'use client';
// "Duty estimate" on the review step: asks the public GraphQL API (`dutyEstimate`) what the goods
// items would pay, with the same valuation and tariff arithmetic as an assessment. Only an estimate:
// customs assesses what is due after submission. Problems (a code not in the tariff, a missing
// supplementary quantity) are listed politely; they do not stop anyone from going on.
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';

import type { FieldError } from '../../../lib/errors';
import { keyOf, labelOf, type DeclarationFormValues, type Say } from './form-model';

const QUERY = `query DutyEstimate($input: DutyEstimateInput!) {
  dutyEstimate(input: $input) { total items { sequence customsValue total lines { taxType rate amount } } }
}`;

interface EstimateLine {
  taxType: 'DUTY' | 'EXCISE' | 'VAT';
  rate: string;
  amount: string;
}

interface Estimate {
  total: string;
  items: { sequence: number; customsValue: string; total: string; lines: EstimateLine[] }[];
}

// A problem's message is a catalogue key (declarationForm.estimate.*), said when shown.
type Outcome = { kind: 'done'; estimate: Estimate } | { kind: 'problem'; message: 'unavailable' | 'needsFirst' | 'notComputed'; problems: { key: string | null; message: string }[] };

const TAXES = ['DUTY', 'EXCISE', 'VAT'] as const;

/** A decimal from the API ("1250.5") with at least two decimals ("1250.50"). */
function money(value: string): string {
  const m = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(2, '0')}` : value;
}

const given = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

/** The estimate's input from the form (empty optional fields are left out: the API's defaults apply). */
function estimateInput(s: DeclarationFormValues) {
  return {
    exchangeRate: given(s.exchangeRate),
    freight: given(s.freight),
    insurance: given(s.insurance),
    items: s.items.map((i) => ({
      commodityCode: i.commodityCode.trim(),
      originCountry: i.originCountry.trim().toUpperCase(),
      preferenceCode: given(i.preferenceCode) ?? null,
      netMass: i.netMass.trim(),
      supplementaryQuantity: given(i.supplementaryQuantity) ?? null,
      supplementaryUnit: given(i.supplementaryUnit)?.toUpperCase() ?? null,
      itemPrice: i.itemPrice.trim(),
    })),
  };
}

/** What the estimate needs of every item; without it there is nothing to ask. */
function missing(s: DeclarationFormValues, t: Say): string | null {
  if (s.items.length === 0) return t('addItems');
  const incomplete = s.items.findIndex((i) => !i.commodityCode.trim() || !i.originCountry.trim() || !i.netMass.trim() || !i.itemPrice.trim());
  if (incomplete >= 0) return t('completeItem', { n: incomplete + 1 });
  return null;
}

interface GraphQLResponse {
  data?: { dutyEstimate?: Estimate | null } | null;
  errors?: { message: string; extensions?: { code?: string; fieldErrors?: FieldError[] } }[];
}

async function fetchEstimate(body: string, signal: AbortSignal): Promise<Outcome> {
  let json: GraphQLResponse;
  try {
    const res = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
    json = (await res.json()) as GraphQLResponse;
  } catch {
    if (signal.aborted) throw new Error('aborted');
    return { kind: 'problem', message: 'unavailable', problems: [] };
  }
  if (json.data?.dutyEstimate) return { kind: 'done', estimate: json.data.dutyEstimate };
  const fieldErrors = (json.errors ?? []).flatMap((e) => e.extensions?.fieldErrors ?? []);
  if (fieldErrors.length) {
    return {
      kind: 'problem',
      message: 'needsFirst',
      problems: fieldErrors.map((f) => ({ key: keyOf(f.path) || null, message: f.message })),
    };
  }
  return { kind: 'problem', message: 'notComputed', problems: (json.errors ?? []).map((e) => ({ key: null, message: e.message })) };
}

export function DutyEstimate({ state }: { state: DeclarationFormValues }) {
  const t = useTranslations('declarationForm.estimate');
  const form = useTranslations('declarationForm');
  const notReady = missing(state, t as Say);
  const body = useMemo(() => JSON.stringify({ query: QUERY, variables: { input: estimateInput(state) } }), [state]);
  // The outcome for the request it answers: a newer request shows "Estimating…" until it is answered.
  const [result, setResult] = useState<{ body: string; outcome: Outcome } | null>(null);

  useEffect(() => {
    if (notReady) return;
    const controller = new AbortController();
    fetchEstimate(body, controller.signal).then(
      (outcome) => setResult({ body, outcome }),
      () => undefined, // aborted: the step was left or the input changed
    );
    return () => controller.abort();
  }, [body, notReady]);

  const outcome = result?.body === body ? result.outcome : null;
  return (
    <section aria-labelledby="estimate-heading" className="review-section estimate" data-testid="duty-estimate">
      <h3 id="estimate-heading">
        {t('heading')} <span className="tag">{t('tag')}</span>
      </h3>
      <p className="hint">
        {t('lead')}
      </p>
      <div aria-live="polite" aria-busy={!notReady && !outcome}>
        {notReady ? (
          <p className="empty">{notReady}</p>
        ) : !outcome ? (
          <p className="muted">{t('estimating')}</p>
        ) : outcome.kind === 'problem' ? (
          <div className="notice notice-warn" data-testid="estimate-problem">
            <p>{t(outcome.message)}</p>
            {outcome.problems.length > 0 && (
              <ul>
                {outcome.problems.map((p, i) => (
                  <li key={i}>{p.key ? `${labelOf(p.key, form as Say)}: ${p.message}` : p.message}</li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('perItem')} tabIndex={0}>
            <table className="results compact" data-testid="estimate-table">
              <caption className="visually-hidden">{t('perItem')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('item')}</th>
                  <th scope="col" className="num">
                    {t('customsValue')}
                  </th>
                  {TAXES.map((tax) => (
                    <th key={tax} scope="col" className="num">
                      {t(`tax.${tax}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('itemTotal')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcome.estimate.items.map((item) => (
                  <tr key={item.sequence}>
                    <td>{item.sequence}</td>
                    <td className="num">{money(item.customsValue)}</td>
                    {TAXES.map((tax) => {
                      const line = item.lines.find((l) => l.taxType === tax);
                      return (
                        <td key={tax} className="num">
                          {line ? (
                            <>
                              {money(line.amount)}
                              <br />
                              <span className="muted small">{line.rate}</span>
                            </>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="num">{money(item.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={TAXES.length + 2}>
                    {t('total')}
                  </th>
                  <td className="num">
                    <strong data-testid="estimate-total">{money(outcome.estimate.total)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
