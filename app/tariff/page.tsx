import type { Metadata } from 'next';

import { AppError } from '../../lib/errors';
import { formatHsCode } from '../../lib/tariff/get-hs-code';
import { searchHsCodes, type HsLevelName } from '../../lib/tariff/search-hs-codes';
import { Pager } from '../_components/pager';

export const metadata: Metadata = { title: 'HS nomenclature' };
export const dynamic = 'force-dynamic';

const LEVELS: { value: '' | HsLevelName; label: string }[] = [
  { value: '', label: 'All levels' },
  { value: 'CHAPTER', label: 'Chapters (2 digits)' },
  { value: 'HEADING', label: 'Headings (4 digits)' },
  { value: 'SUBHEADING', label: 'Subheadings (6 digits)' },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function TariffPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = one(params.q) ?? '';
  const levelParam = one(params.level);
  const level = LEVELS.some((l) => l.value === levelParam) ? (levelParam as HsLevelName) : undefined;
  const after = one(params.after);

  let page: Awaited<ReturnType<typeof searchHsCodes>> | null = null;
  let error: string | null = null;
  try {
    page = await searchHsCodes({ search: q || undefined, level, after, first: 25 });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = e.details.fieldErrors?.map((f) => f.message).join(' ') || e.message;
  }

  return (
    <>
      <h1>HS 2022 nomenclature</h1>
      <p className="lead">Search by code (e.g. 8471 or 8471.30) or by words (e.g. roasted coffee).</p>
      <form role="search" method="get" action="/tariff" className="search-form">
        <div className="field">
          <label htmlFor="q">Code or words</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="level">Level</label>
          <select id="level" name="level" defaultValue={level ?? ''}>
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {page && (
        <section aria-live="polite" aria-labelledby="results-heading">
          <h2 id="results-heading">
            {page.totalCount.toLocaleString('en')} {page.totalCount === 1 ? 'entry' : 'entries'}
            {q ? ` for “${q}”` : ''}
          </h2>
          {page.edges.length === 0 ? (
            <p className="empty">No entry matches. Try fewer words, or a shorter code.</p>
          ) : (
            <table className="results">
              <caption className="visually-hidden">HS entries</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.code} className={`level-${node.level}`}>
                    <td>
                      <code>{formatHsCode(node.code)}</code>
                    </td>
                    <td>{node.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            after={after}
            pageInfo={page.pageInfo}
            hrefFor={(next) => `/tariff?${new URLSearchParams({ ...(q && { q }), ...(level && { level }), ...(next && { after: next }) })}`}
          />
        </section>
      )}
    </>
  );
}
