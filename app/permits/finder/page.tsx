// The public requirements finder (no sign-in, like TradeNet's): "what do I need to import HS code X
// from country Y", answered by the same lookup as the GraphQL `permitRequirements` query and the
// declaration form's panel (lib/permits/find-permit-requirements.ts). A GET form: works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';

import { AppError, type FieldError } from '../../../lib/errors';
import { findPermitRequirements, type RequirementMatch } from '../../../lib/permits/find-permit-requirements';
import { DOCUMENT_CODE_LIST } from '../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';

export const metadata: Metadata = { title: 'What do I need? Permits finder' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DIRECTIONS = ['IMPORT', 'EXPORT', 'TRANSIT'] as const;
type Direction = (typeof DIRECTIONS)[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

export default async function PermitFinderPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const code = one(sp.code);
  const origin = one(sp.origin).toUpperCase();
  const procedure = one(sp.procedure);
  const direction: Direction = (DIRECTIONS as readonly string[]).includes(one(sp.direction)) ? (one(sp.direction) as Direction) : 'IMPORT';
  let matches: RequirementMatch[] | null = null;
  let problems: FieldError[] = [];
  if (code) {
    try {
      matches = await findPermitRequirements({ items: [{ commodityCode: code, originCountry: origin || null, procedureCode: /^\d{4}$/.test(procedure) ? procedure : null }], direction });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
      problems = error.details.fieldErrors ?? [{ path: [], code: 'INVALID', message: error.message }];
    }
  }
  const problemOf = (field: string) => problems.find((p) => p.path[0] === field)?.message;
  const fieldIds: Record<string, string> = { commodityCode: 'finder-code', originCountry: 'finder-origin' };
  return (
    <>
      <h1>What do I need?</h1>
      <p className="lead">Which licences, permits and certificates other border agencies need for goods, before you file. Type the commodity code (HS) and the country of origin.</p>
      {problems.length > 0 && (
        <div role="alert" className="error-summary" data-testid="finder-problems">
          <h2>There is a problem</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{fieldIds[String(p.path[0])] ? <a href={`#${fieldIds[String(p.path[0])]}`}>{p.message}</a> : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action="/permits/finder" className="search-form" role="search" aria-label="Find requirements">
        <div className="form-grid">
          <div className={`field width-m${problemOf('commodityCode') ? ' field-invalid' : ''}`}>
            <label htmlFor="finder-code">Commodity code</label>
            <p className="hint" id="finder-code-hint">
              Chapter to national line, e.g. 0202 30 90 (frozen boneless beef)
            </p>
            <input id="finder-code" name="code" defaultValue={code} maxLength={14} inputMode="numeric" required aria-describedby="finder-code-hint" aria-invalid={problemOf('commodityCode') ? true : undefined} />
          </div>
          <div className={`field width-s${problemOf('originCountry') ? ' field-invalid' : ''}`}>
            <label htmlFor="finder-origin">Country of origin</label>
            <p className="hint" id="finder-origin-hint">
              e.g. BR
            </p>
            <input id="finder-origin" name="origin" defaultValue={origin} maxLength={2} className="uppercase" aria-describedby="finder-origin-hint" aria-invalid={problemOf('originCountry') ? true : undefined} />
          </div>
          <div className="field width-m">
            <label htmlFor="finder-direction">Direction</label>
            <select id="finder-direction" name="direction" defaultValue={direction}>
              <option value="IMPORT">Import</option>
              <option value="EXPORT">Export</option>
              <option value="TRANSIT">Transit</option>
            </select>
          </div>
          <div className="field width-s">
            <label htmlFor="finder-procedure">Procedure code (optional)</label>
            <input id="finder-procedure" name="procedure" defaultValue={procedure} maxLength={4} inputMode="numeric" />
          </div>
        </div>
        <div className="button-row">
          <button type="submit">Find requirements</button>
        </div>
      </form>
      {matches !== null && (
        <section aria-labelledby="finder-results" data-testid="finder-results">
          <h2 id="finder-results">
            {matches.length === 0 ? 'No other agency needs a permit' : `${matches.length} ${matches.length === 1 ? 'requirement' : 'requirements'}`} for {code}
            {origin && ` from ${origin}`} ({direction.toLowerCase()})
          </h2>
          {matches.length === 0 ? (
            <EmptyState testId="finder-none">
              <p>Customs formalities still apply. The rules are kept by the agencies and may change: the declaration form checks again as you file.</p>
            </EmptyState>
          ) : (
            <ResultsTable labelledBy="finder-results">
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Why</th>
                  <th scope="col">Validity</th>
                </tr>
              </thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.ruleKey} data-testid={`finder-rule-${m.ruleKey}`}>
                    <td>
                      {m.documentName} ({m.documentCode})
                    </td>
                    <td>{m.agency.name}</td>
                    <td>{m.severity === 'REQUIRED' ? 'Required' : 'May be required (you may disclaim with a reason)'}</td>
                    <td>
                      {m.reason} <span className="hint">({m.legalBasis})</span>
                      {m.quantityManaged && <span className="hint"> Quantity-managed in {m.quantityUnit}.</span>}
                    </td>
                    <td>{m.validityDays} days</td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <p>
            <Link href="/permits/apply">Apply for a permit</Link> (sign-in needed), or file the declaration and apply from it.
          </p>
        </section>
      )}
      <p className="hint">Document types: {DOCUMENT_CODE_LIST}.</p>
    </>
  );
}
