// An agency officer's queue: its agency's filed applications, longest waiting first (the SLA age),
// counts by open status, filters and pages; and the external references its filers cited, to confirm.
// Other agencies' applications never appear (lib/permits/list-permit-applications).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isAgencyOfficer } from '../../lib/auth/policy';
import { listExternalReferencesToConfirm } from '../../lib/permits/list-external-references-to-confirm';
import { listPermitApplications } from '../../lib/permits/list-permit-applications';
import { loadAgencies } from '../../lib/permits/load-permit-parts';
import { documentName } from '../../lib/permits/permit-codes';
import { EmptyState, ListCount, ListError, NoResults, ResultsTable } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { getActor } from '../session';
import { ApplicationFilters, filterOf, hrefOf, paramsOf } from '../permits/_components/application-filters';
import { ApplicationsTable } from '../permits/_components/applications-table';
import { ConfirmExternalForm } from '../permits/_components/permit-forms';
import { When } from '../_i18n/when';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('agencyQueue') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const OPEN = ['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED'] as const;
const QUEUE_STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED'] as const;

export default async function AgencyQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  if (!isAgencyOfficer(actor)) return <p className="notice">{t('agencyForbidden')}</p>;
  const p = await paramsOf(searchParams);
  // Without a status chosen the queue is what waits for the agency.
  const filter = filterOf(p);
  const shown = { ...filter, status: filter.status ?? [...OPEN] };
  const [{ page, error }, counts, [agency], references] = await Promise.all([
    readListPage(listPermitApplications({ actor, filter: shown, first: 25, after: p.after ?? null })),
    Promise.all(OPEN.map(async (s) => ({ status: s, count: (await listPermitApplications({ actor, filter: { status: [s] }, first: 1 })).totalCount }))),
    loadAgencies([actor.agencyId]),
    listExternalReferencesToConfirm({ actor }),
  ]);
  const filtered = !!(p.status || p.q || p.waiting);
  return (
    <>
      <h1>{t('agencyHeading', { agency: agency?.name ?? 'none' })}</h1>
      <p className="lead">{t('agencyLead')}</p>
      <p data-testid="agency-counts">
        {counts.map((c, n) => (
          <span key={c.status}>
            {n > 0 && t('listSeparator')}
            <Link href={`/agency?status=${c.status}`}>
              {t('statusCount', { count: c.count, status: t(`status.${c.status}`) })}
            </Link>
          </span>
        ))}
      </p>
      <ApplicationFilters action="/agency" p={p} statuses={[...QUEUE_STATUSES]} waiting />
      <ListError error={error}>
        <Link href="/agency">{t('startAgain')}</Link>
      </ListError>
      {page && (
        <>
          <ListCount id="queue-count" count={page.totalCount} text={t('queueCount', { count: page.totalCount, waiting: p.status ? 'no' : 'yes' })} />
          {page.edges.length === 0 ? (
            filtered ? (
              <NoResults testId="empty-queue">{t('noMatch')}</NoResults>
            ) : (
              <EmptyState testId="empty-queue">
                <p>{t('queueEmpty')}</p>
              </EmptyState>
            )
          ) : (
            <ApplicationsTable applications={page.edges.map((e) => e.node)} label={t('queueLabel')} showApplicant />
          )}
          <Pager after={p.after} pageInfo={page.pageInfo} hrefFor={(after) => hrefOf('/agency', p, after)} />
        </>
      )}
      <section aria-labelledby="references-heading" className="panel" data-testid="references-to-confirm">
        <h2 id="references-heading">{t('referencesHeading')}</h2>
        {references.length === 0 ? (
          <p className="empty">{t('noReferences')}</p>
        ) : (
          <ResultsTable labelledBy="references-heading">
            <thead>
              <tr>
                <th scope="col">{t('declaration')}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('document')}</th>
                <th scope="col">{t('cited')}</th>
                <th scope="col">{t('confirm')}</th>
              </tr>
            </thead>
            <tbody>
              {references.map((r) => (
                <tr key={r.requirementId}>
                  <td>{r.declarationReference}</td>
                  <td>{r.itemSequence}</td>
                  <td>
                    {documentName(r.documentCode)} ({r.ruleKey})
                  </td>
                  <td>
                    <When date={r.updatedAt} />
                  </td>
                  <td>
                    <ConfirmExternalForm requirementId={r.requirementId} reference={r.externalReference} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        )}
      </section>
      <p>
        <Link href="/permits/held">{t('agencyIssued')}</Link>
      </p>
    </>
  );
}
