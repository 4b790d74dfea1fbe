import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isOfficer } from '../../lib/auth/policy';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import { getActor } from '../session';
import { one } from '../declarations/_components/format';
import { When } from '../_i18n/when';
import { LaneBadge, OPEN_STATUSES, StatusBadge } from '../declarations/_components/status';
import { ListCount, ListError, NoResults, ResultsTable } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('officer'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OfficerQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t, list] = await Promise.all([getActor(), getTranslations('officer'), getTranslations('declarations')]);
  if (!isOfficer(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <div className="notice" data-testid="officer-only">
          <p>
            <strong>{t('onlyOfficers')}</strong>
          </p>
          <p>
            {t.rich('signedInAs', { email: actor.email, code: (chunks) => <code>{chunks}</code>, link: (chunks) => <Link href="/declarations">{chunks}</Link> })}
          </p>
        </div>
      </>
    );
  }

  const after = one((await searchParams).after);
  const { page, error } = await readListPage(listDeclarations({ actor, input: { status: OPEN_STATUSES, orderBy: 'RISK_SCORE_DESC', after, first: 25 } }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link href="/officer/queue">{t('sharedQueue')}</Link> · <Link href="/officer/performance">{t('dashboard')}</Link>
      </p>
      <ListError error={error}>
        <Link href="/officer">{t('backToFirst')}</Link>.
      </ListError>
      {page && (
        <section aria-labelledby="queue-heading">
          <ListCount id="queue-heading" count={page.totalCount} text={t('count', { count: page.totalCount })} />
          {page.edges.length === 0 ? (
            <NoResults testId="queue-empty">{t('empty')}</NoResults>
          ) : (
            <ResultsTable label={t('tableLabel')} className="results nowrap-cells" testId="queue-table">
              <thead>
                <tr>
                  <th scope="col">{list('mrn')}</th>
                  <th scope="col">{list('lrn')}</th>
                  <th scope="col">{list('type')}</th>
                  <th scope="col">{list('status')}</th>
                  <th scope="col">{list('lane')}</th>
                  <th scope="col" className="num">
                    {t('riskScore')}
                  </th>
                  <th scope="col">{t('submitted')}</th>
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
                    <td>{list.has(`typeName.${node.type}`) ? list(`typeName.${node.type}`) : node.type}</td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>
                      <LaneBadge lane={node.lane} />
                    </td>
                    <td className="num">{node.riskScore ?? <span className="muted">—</span>}</td>
                    <td>
                      <When date={node.submittedAt ?? node.createdAt} />
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
