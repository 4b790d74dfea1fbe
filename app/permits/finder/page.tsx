// The public requirements finder (no sign-in, like TradeNet's): "what do I need to import HS code X
// from country Y", answered by the same lookup as the GraphQL `permitRequirements` query and the
// declaration form's panel (lib/permits/find-permit-requirements.ts). A GET form: works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { AppError, type FieldError } from '../../../lib/errors';
import { findPermitRequirements, type RequirementMatch } from '../../../lib/permits/find-permit-requirements';
import { DOCUMENT_CODE_LIST } from '../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('finderTitle') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DIRECTIONS = ['IMPORT', 'EXPORT', 'TRANSIT'] as const;
type Direction = (typeof DIRECTIONS)[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

export default async function PermitFinderPage({ searchParams }: { searchParams: SearchParams }) {
  const [sp, t] = await Promise.all([searchParams, getTranslations('permits')]);
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
      <h1>{t('finderHeading')}</h1>
      <p className="lead">{t('finderLead')}</p>
      {problems.length > 0 && (
        <div role="alert" className="error-summary" data-testid="finder-problems">
          <h2>{t('problemTitle')}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{fieldIds[String(p.path[0])] ? <a href={`#${fieldIds[String(p.path[0])]}`}>{p.message}</a> : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action="/permits/finder" className="search-form" role="search" aria-label={t('findRequirements')}>
        <div className="form-grid">
          <div className={`field width-m${problemOf('commodityCode') ? ' field-invalid' : ''}`}>
            <label htmlFor="finder-code">{t('commodityCode')}</label>
            <p className="hint" id="finder-code-hint">
              {t('finderCodeHint')}
            </p>
            <input id="finder-code" name="code" defaultValue={code} maxLength={14} inputMode="numeric" required aria-describedby="finder-code-hint" aria-invalid={problemOf('commodityCode') ? true : undefined} />
          </div>
          <div className={`field width-s${problemOf('originCountry') ? ' field-invalid' : ''}`}>
            <label htmlFor="finder-origin">{t('originCountry')}</label>
            <p className="hint" id="finder-origin-hint">
              {t('finderOriginHint')}
            </p>
            <input id="finder-origin" name="origin" defaultValue={origin} maxLength={2} className="uppercase" aria-describedby="finder-origin-hint" aria-invalid={problemOf('originCountry') ? true : undefined} />
          </div>
          <div className="field width-m">
            <label htmlFor="finder-direction">{t('direction')}</label>
            <select id="finder-direction" name="direction" defaultValue={direction}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`directionName.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field width-s">
            <label htmlFor="finder-procedure">{t('finderProcedure')}</label>
            <input id="finder-procedure" name="procedure" defaultValue={procedure} maxLength={4} inputMode="numeric" />
          </div>
        </div>
        <div className="button-row">
          <button type="submit">{t('findRequirements')}</button>
        </div>
      </form>
      {matches !== null && (
        <section aria-labelledby="finder-results" data-testid="finder-results">
          <h2 id="finder-results">
            {t('finderResults', { count: matches.length, code, origin: origin || 'none', direction })}
          </h2>
          {matches.length === 0 ? (
            <EmptyState testId="finder-none">
              <p>{t('finderNone')}</p>
            </EmptyState>
          ) : (
            <ResultsTable labelledBy="finder-results">
              <thead>
                <tr>
                  <th scope="col">{t('document')}</th>
                  <th scope="col">{t('agency')}</th>
                  <th scope="col">{t('severity')}</th>
                  <th scope="col">{t('why')}</th>
                  <th scope="col">{t('validity')}</th>
                </tr>
              </thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.ruleKey} data-testid={`finder-rule-${m.ruleKey}`}>
                    <td>
                      {m.documentName} ({m.documentCode})
                    </td>
                    <td>{m.agency.name}</td>
                    <td>{m.severity === 'REQUIRED' ? t('severityName.REQUIRED') : t('finderMayBeRequired')}</td>
                    <td>
                      {m.reason} <span className="hint">({m.legalBasis})</span>
                      {m.quantityManaged && <span className="hint"> {t('quantityManagedIn', { unit: m.quantityUnit ?? '' })}</span>}
                    </td>
                    <td>{t('days', { count: m.validityDays })}</td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <p>
            {t.rich('finderApply', { link: (chunks) => <Link href="/permits/apply">{chunks}</Link> })}
          </p>
        </section>
      )}
      <p className="hint">{t('documentTypes', { list: DOCUMENT_CODE_LIST })}</p>
    </>
  );
}
