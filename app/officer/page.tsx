import type { Metadata } from 'next';
import Link from 'next/link';

import { isOfficer } from '../../lib/auth/policy';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import { getActor } from '../session';
import { formatDateTime, one, TYPE_LABEL } from '../declarations/_components/format';
import { LaneBadge, OPEN_STATUSES, StatusBadge } from '../declarations/_components/status';
import { ListCount, ListError, NoResults, ResultsTable } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';

export const metadata: Metadata = { title: 'Officer queue' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OfficerQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (!isOfficer(actor)) {
    return (
      <>
        <h1>Officer queue</h1>
        <div className="notice" data-testid="officer-only">
          <p>
            <strong>Only customs officers see the queue.</strong>
          </p>
          <p>
            You are signed in as <code>{actor.email}</code>. Your own declarations are under <Link href="/declarations">Declarations</Link>.
          </p>
        </div>
      </>
    );
  }

  const after = one((await searchParams).after);
  const { page, error } = await readListPage(listDeclarations({ actor, input: { status: OPEN_STATUSES, orderBy: 'RISK_SCORE_DESC', after, first: 25 } }));

  return (
    <>
      <h1>Officer queue</h1>
      <p className="lead">Declarations awaiting a customs decision, highest risk first. Declarations not yet risk-assessed come last.</p>
      <p>
        <Link href="/officer/queue">Shared queue with filters and claims</Link> · <Link href="/officer/performance">Clearance dashboard</Link>
      </p>
      <ListError error={error}>
        <Link href="/officer">Back to the first page</Link>.
      </ListError>
      {page && (
        <section aria-labelledby="queue-heading">
          <ListCount id="queue-heading" count={page.totalCount} noun={['open declaration', 'open declarations']} />
          {page.edges.length === 0 ? (
            <NoResults testId="queue-empty">The queue is empty: no declaration is waiting for a decision.</NoResults>
          ) : (
            <ResultsTable label="Open declarations, highest risk first" className="results nowrap-cells" testId="queue-table">
              <thead>
                <tr>
                  <th scope="col">MRN</th>
                  <th scope="col">LRN</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Lane</th>
                  <th scope="col" className="num">
                    Risk score
                  </th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={`/declarations/${node.id}`}>
                        <code>{node.mrn ?? node.lrn}</code>
                      </Link>
                    </td>
                    <td>{node.lrn}</td>
                    <td>{TYPE_LABEL[node.type] ?? node.type}</td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>
                      <LaneBadge lane={node.lane} />
                    </td>
                    <td className="num">{node.riskScore ?? <span className="muted">—</span>}</td>
                    <td>
                      <time dateTime={(node.submittedAt ?? node.createdAt).toISOString()}>{formatDateTime(node.submittedAt ?? node.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
          <Pager after={after} pageInfo={page.pageInfo} hrefFor={(next) => (next ? `/officer?${new URLSearchParams({ after: next })}` : '/officer')} />
        </section>
      )}
    </>
  );
}
