// A trader's (or broker's) permit applications, newest first, with filters and pages; the way to apply
// and to the permits held. Agency officers work from their queue (/agency).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { isAgencyOfficer, isFilerRole } from '../../lib/auth/policy';
import { listPermitApplications } from '../../lib/permits/list-permit-applications';
import { EmptyState, ListCount, ListError, NoResults } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { getActor } from '../session';
import { ApplicationFilters, filterOf, hrefOf, paramsOf } from './_components/application-filters';
import { ApplicationsTable } from './_components/applications-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('applicationsTitle') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PermitApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  if (isAgencyOfficer(actor)) redirect('/agency');
  const p = await paramsOf(searchParams);
  const { page, error } = await readListPage(listPermitApplications({ actor, filter: filterOf(p), first: 25, after: p.after ?? null }));
  const filtered = !!(p.status || p.q);
  return (
    <>
      <h1>{t('applicationsTitle')}</h1>
      <p className="lead">{t('applicationsLead')}</p>
      <nav aria-label={t('navLabel')} className="button-row">
        {isFilerRole(actor) && (
          <Link href="/permits/apply" className="button">
            {t('applyTitle')}
          </Link>
        )}
        <Link href="/permits/held" className="button button-secondary">
          {t('heldTitle')}
        </Link>
        <Link href="/permits/finder" className="button button-secondary">
          {t('finderHeading')}
        </Link>
      </nav>
      <ApplicationFilters action="/permits" p={p} />
      <ListError error={error}>
        <Link href="/permits">{t('startAgain')}</Link>
      </ListError>
      {page && (
        <>
          <ListCount id="applications-count" count={page.totalCount} text={t('applicationCount', { count: page.totalCount })} />
          {page.edges.length === 0 ? (
            filtered ? (
              <NoResults testId="no-applications">{t('noMatch')}</NoResults>
            ) : (
              <EmptyState testId="no-applications">
                <p>{t('noApplications')}</p>
              </EmptyState>
            )
          ) : (
            <ApplicationsTable applications={page.edges.map((e) => e.node)} label={t('applicationsTitle')} showApplicant={false} />
          )}
          <Pager after={p.after} pageInfo={page.pageInfo} hrefFor={(after) => hrefOf('/permits', p, after)} />
        </>
      )}
    </>
  );
}
