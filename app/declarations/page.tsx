import type { Metadata } from 'next';
import Link from 'next/link';

import { countDeclarationsByStatus } from '../../lib/declarations/count-declarations-by-status';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import { getActor } from '../session';
import { formatDateTime, one, TYPE_LABEL } from './_components/format';
import { isStatus, LaneBadge, STATUS_LABEL, STATUSES, StatusBadge } from './_components/status';
import type { DeclarationStatus } from './_components/types';
import { EmptyState, ListCount, ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { isFilerRole, isOfficer } from '../../lib/auth/policy';

export const metadata: Metadata = { title: 'Declarations' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(params: { status?: string; q?: string; after?: string }): string {
  const query = new URLSearchParams();
  if (params.status) query.set('status', params.status);
  if (params.q) query.set('q', params.q);
  if (params.after) query.set('after', params.after);
  const s = query.toString();
  return s ? `/declarations?${s}` : '/declarations';
}

export default async function DeclarationsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const statusParam = one(params.status);
  const status = isStatus(statusParam) ? statusParam : undefined;
  const q = (one(params.q) ?? '').trim().slice(0, 100);
  const after = one(params.after);
  const actor = await getActor();
  const isFiler = isFilerRole(actor);

  const [listed, counts] = await Promise.all([
    readListPage(listDeclarations({ actor, input: { status: status ? [status] : undefined, text: q || undefined, after, first: PAGE_SIZE } })),
    // Counts per status (one grouped query) for the filter chips.
    countDeclarationsByStatus({ actor }),
  ]);
  const { page, error } = listed;
  const countOf = (s: DeclarationStatus): number => counts[s] ?? 0;
  const total = STATUSES.reduce((sum, s) => sum + countOf(s), 0);
  const filtered = !!status || !!q;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{isFiler ? 'My declarations' : 'All declarations'}</h1>
          <p className="lead">
            {isFiler
              ? 'Declarations your company files, or in which it is importer, exporter or representative.'
              : isOfficer(actor)
                ? 'Every declaration lodged with customs. Work the open ones, ranked by risk, in the officer queue.'
                : 'Every declaration on the platform (read only).'}
          </p>
        </div>
        {isFiler && total > 0 && (
          <Link href="/declarations/new" className="button">
            Start a declaration
          </Link>
        )}
      </div>

      {total > 0 && (
        <nav aria-label="Filter by status" className="chips">
          <ul>
            <li>
              <Link href={href({ q })} className="chip" aria-current={!status ? 'page' : undefined}>
                All <span className="chip-count">{total}</span>
              </Link>
            </li>
            {STATUSES.filter((s) => countOf(s) > 0 || s === status).map((s) => (
              <li key={s}>
                <Link href={href({ status: s, q })} className="chip" aria-current={status === s ? 'page' : undefined}>
                  {STATUS_LABEL[s]} <span className="chip-count">{countOf(s)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {total > 0 && (
        <SearchForm action="/declarations" keep={{ status }} reset={filtered ? { href: '/declarations', label: 'Clear filters' } : undefined}>
          <SearchField id="q" label="LRN, MRN, transport document or goods" defaultValue={q} maxLength={100} />
        </SearchForm>
      )}

      <ListError error={error} />

      {page && (
        <section aria-labelledby="list-heading">
          <ListCount
            id="list-heading"
            hidden={total === 0}
            count={page.totalCount}
            noun={['declaration', 'declarations']}
            filters={`${status ? ` ${STATUS_LABEL[status].toLowerCase()}` : ''}${q ? ` matching “${q}”` : ''}`}
          />
          {page.edges.length === 0 ? (
            total === 0 ? (
              <EmptyState>
                <p>{isFiler ? 'Your company has no declarations yet.' : 'No declarations have been lodged yet.'}</p>
                {isFiler && (
                  <Link href="/declarations/new" className="button">
                    Start a declaration
                  </Link>
                )}
              </EmptyState>
            ) : (
              <NoResults>
                No declaration matches these filters. <Link href="/declarations">Show all declarations</Link>.
              </NoResults>
            )
          ) : (
            <ResultsTable label="Declarations, newest first" className="results nowrap-cells" testId="declarations-table">
              <thead>
                <tr>
                  <th scope="col">LRN</th>
                  <th scope="col">MRN</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Lane</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={`/declarations/${node.id}`}>{node.lrn}</Link>
                    </td>
                    <td>{node.mrn ? <code>{node.mrn}</code> : <span className="muted">Not yet assigned</span>}</td>
                    <td>{TYPE_LABEL[node.type] ?? node.type}</td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>
                      <LaneBadge lane={node.lane} />
                    </td>
                    <td>
                      <time dateTime={node.createdAt.toISOString()}>{formatDateTime(node.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <Pager after={after} pageInfo={page.pageInfo} hrefFor={(next) => href({ status, q, after: next })} />
        </section>
      )}
    </>
  );
}
