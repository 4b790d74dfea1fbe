'use client';
// "Duty estimate" on the review step: asks the public GraphQL API (`dutyEstimate`) what the goods
// items would pay, with the same valuation and tariff arithmetic as an assessment. Only an estimate:
// customs assesses what is due after submission. Problems (a code not in the tariff, a missing
// supplementary quantity) are listed politely; they do not stop anyone from going on.
import { useEffect, useMemo, useState } from 'react';

import type { FieldError } from '../../../lib/errors';
import { keyOf, labelOf, type DeclarationFormValues } from './form-model';

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

type Outcome = { kind: 'done'; estimate: Estimate } | { kind: 'problem'; message: string; problems: string[] };

const TAXES = [
  { taxType: 'DUTY', label: 'Customs duty' },
  { taxType: 'EXCISE', label: 'Excise' },
  { taxType: 'VAT', label: 'VAT' },
] as const;

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
function missing(s: DeclarationFormValues): string | null {
  if (s.items.length === 0) return 'Add goods items to see an estimate of the duties and taxes.';
  const incomplete = s.items.findIndex((i) => !i.commodityCode.trim() || !i.originCountry.trim() || !i.netMass.trim() || !i.itemPrice.trim());
  if (incomplete >= 0) return `Give the commodity code, origin, net mass and price of goods item ${incomplete + 1} to see an estimate.`;
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
    return { kind: 'problem', message: 'The estimate is not available right now. This does not stop you from going on.', problems: [] };
  }
  if (json.data?.dutyEstimate) return { kind: 'done', estimate: json.data.dutyEstimate };
  const fieldErrors = (json.errors ?? []).flatMap((e) => e.extensions?.fieldErrors ?? []);
  if (fieldErrors.length) {
    return {
      kind: 'problem',
      message: 'No estimate yet: the tariff needs a few things first.',
      problems: fieldErrors.map((f) => {
        const key = keyOf(f.path);
        return key ? `${labelOf(key)}: ${f.message}` : f.message;
      }),
    };
  }
  return { kind: 'problem', message: 'The estimate could not be computed. This does not stop you from going on.', problems: (json.errors ?? []).map((e) => e.message) };
}

export function DutyEstimate({ state }: { state: DeclarationFormValues }) {
  const notReady = missing(state);
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
        Duty estimate <span className="tag">Estimate</span>
      </h3>
      <p className="hint">
        What the national tariff gives for these goods, in national currency, for guidance only. Customs assesses the duties and taxes due after submission.
      </p>
      <div aria-live="polite" aria-busy={!notReady && !outcome}>
        {notReady ? (
          <p className="empty">{notReady}</p>
        ) : !outcome ? (
          <p className="muted">Estimating…</p>
        ) : outcome.kind === 'problem' ? (
          <div className="notice notice-warn" data-testid="estimate-problem">
            <p>{outcome.message}</p>
            {outcome.problems.length > 0 && (
              <ul>
                {outcome.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="table-scroll" role="region" aria-label="Estimated duties and taxes per goods item" tabIndex={0}>
            <table className="results compact" data-testid="estimate-table">
              <caption className="visually-hidden">Estimated duties and taxes per goods item</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Customs value
                  </th>
                  {TAXES.map((t) => (
                    <th key={t.taxType} scope="col" className="num">
                      {t.label}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Item total
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcome.estimate.items.map((item) => (
                  <tr key={item.sequence}>
                    <td>{item.sequence}</td>
                    <td className="num">{money(item.customsValue)}</td>
                    {TAXES.map((t) => {
                      const line = item.lines.find((l) => l.taxType === t.taxType);
                      return (
                        <td key={t.taxType} className="num">
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
                    Estimated total
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
