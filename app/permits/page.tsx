// A trader's (or broker's) permit applications, newest first, with filters and pages; the way to apply
// and to the permits held. Agency officers work from their queue (/agency).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { isAgencyOfficer, isFilerRole } from '../../lib/auth/policy';
import { listPermitApplications } from '../../lib/permits/list-permit-applications';
import { EmptyState, ListCount, ListError, NoResults } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { getActor } from '../session';
import { ApplicationFilters, filterOf, hrefOf, paramsOf } from './_components/application-filters';
import { ApplicationsTable } from './_components/applications-table';

export const metadata: Metadata = { title: 'Permit applications' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PermitApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (isAgencyOfficer(actor)) redirect('/agency');
  const p = await paramsOf(searchParams);
  const { page, error } = await readListPage(listPermitApplications({ actor, filter: filterOf(p), first: 25, after: p.after ?? null }));
  const filtered = !!(p.status || p.q);
  return (
    <>
      <h1>Permit applications</h1>
      <p className="lead">Licences, permits and certificates of the other border agencies (veterinary, plant health, medicines, conformity, CITES, strategic goods), applied for here and decided in parallel with customs.</p>
      <nav aria-label="Permits" className="button-row">
        {isFilerRole(actor) && (
          <Link href="/permits/apply" className="button">
            Apply for a permit
          </Link>
        )}
        <Link href="/permits/held" className="button button-secondary">
          Permits held
        </Link>
        <Link href="/permits/finder" className="button button-secondary">
          What do I need?
        </Link>
      </nav>
      <ApplicationFilters action="/permits" p={p} />
      <ListError error={error}>
        <Link href="/permits">Start again</Link>
      </ListError>
      {page && (
        <>
          <ListCount id="applications-count" count={page.totalCount} noun={['application', 'applications']} />
          {page.edges.length === 0 ? (
            filtered ? (
              <NoResults testId="no-applications">No application matches these filters.</NoResults>
            ) : (
              <EmptyState testId="no-applications">
                <p>No permit applications yet. The declaration form shows what your goods need and lets you apply from it; or apply on its own for a permit that serves several declarations.</p>
              </EmptyState>
            )
          ) : (
            <ApplicationsTable applications={page.edges.map((e) => e.node)} label="Permit applications" showApplicant={false} />
          )}
          <Pager after={p.after} pageInfo={page.pageInfo} hrefFor={(after) => hrefOf('/permits', p, after)} />
        </>
      )}
    </>
  );
}
