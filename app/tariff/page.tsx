import type { Metadata } from 'next';

import { formatHsCode } from '../../lib/tariff/get-hs-code';
import { searchHsCodes, type HsLevelName } from '../../lib/tariff/search-hs-codes';
import { ListCount, ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';

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

  const { page, error } = await readListPage(searchHsCodes({ search: q || undefined, level, after, first: 25 }));

  return (
    <>
      <h1>HS 2022 nomenclature</h1>
      <p className="lead">Search by code (e.g. 8471 or 8471.30) or by words (e.g. roasted coffee).</p>
      <SearchForm action="/tariff">
        <SearchField id="q" label="Code or words" defaultValue={q} maxLength={200} />
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
      </SearchForm>

      <ListError error={error} />
      {page && (
        <section aria-live="polite" aria-labelledby="results-heading">
          <ListCount id="results-heading" count={page.totalCount} noun={['entry', 'entries']} filters={q ? ` for “${q}”` : ''} />
          {page.edges.length === 0 ? (
            <NoResults>No entry matches. Try fewer words, or a shorter code.</NoResults>
          ) : (
            <ResultsTable label="HS entries">
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
            </ResultsTable>
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
