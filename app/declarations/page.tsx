import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { countDeclarationsByStatus } from '../../lib/declarations/count-declarations-by-status';
import { listDeclarations } from '../../lib/declarations/list-declarations';
import { getActor } from '../session';
import { When } from '../_i18n/when';
import { one } from './_components/format';
import { isStatus, LaneBadge, STATUSES, StatusBadge } from './_components/status';
import type { DeclarationStatus } from './_components/types';
import { EmptyState, ListCount, ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../_components/list/list-parts';
import { Pager } from '../_components/list/pager';
import { readListPage } from '../_components/list/read-list-page';
import { isFilerRole, isOfficer } from '../../lib/auth/policy';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shell'))('nav.declarations') };
}
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
  const [actor, t, ts] = await Promise.all([getActor(), getTranslations('declarations'), getTranslations('status')]);
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
          <h1>{isFiler ? t('titleMine') : t('titleAll')}</h1>
          <p className="lead">{isFiler ? t('leadFiler') : isOfficer(actor) ? t('leadOfficer') : t('leadOther')}</p>
        </div>
        {isFiler && total > 0 && (
          <Link href="/declarations/new" className="button">
            {t('start')}
          </Link>
        )}
      </div>

      {total > 0 && (
        <nav aria-label={t('filterByStatus')} className="chips">
          <ul>
            <li>
              <Link href={href({ q })} className="chip" aria-current={!status ? 'page' : undefined}>
                {t('all')} <span className="chip-count">{total}</span>
              </Link>
            </li>
            {STATUSES.filter((s) => countOf(s) > 0 || s === status).map((s) => (
              <li key={s}>
                <Link href={href({ status: s, q })} className="chip" aria-current={status === s ? 'page' : undefined}>
                  {ts(s)} <span className="chip-count">{countOf(s)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {total > 0 && (
        <SearchForm action="/declarations" keep={{ status }} reset={filtered ? { href: '/declarations', label: t('clearFilters') } : undefined}>
          <SearchField id="q" label={t('searchLabel')} defaultValue={q} maxLength={100} />
        </SearchForm>
      )}

      <ListError error={error} />

      {page && (
        <section aria-labelledby="list-heading">
          <ListCount
            id="list-heading"
            hidden={total === 0}
            count={page.totalCount}
            text={t('count', { count: page.totalCount, status: status ? ts(status) : 'none', q: q || 'none' })}
          />
          {page.edges.length === 0 ? (
            total === 0 ? (
              <EmptyState>
                <p>{isFiler ? t('emptyFiler') : t('emptyAll')}</p>
                {isFiler && (
                  <Link href="/declarations/new" className="button">
                    {t('start')}
                  </Link>
                )}
              </EmptyState>
            ) : (
              <NoResults>
                {t('noMatch')} <Link href="/declarations">{t('showAll')}</Link>.
              </NoResults>
            )
          ) : (
            <ResultsTable label={t('tableLabel')} className="results nowrap-cells" testId="declarations-table">
              <thead>
                <tr>
                  <th scope="col">{t('lrn')}</th>
                  <th scope="col">{t('mrn')}</th>
                  <th scope="col">{t('type')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('lane')}</th>
                  <th scope="col">{t('created')}</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link href={`/declarations/${node.id}`}>{node.lrn}</Link>
                    </td>
                    <td>{node.mrn ? <code>{node.mrn}</code> : <span className="muted">{t('mrnNotYet')}</span>}</td>
                    <td>{t(`typeName.${node.type}`)}</td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>
                      <LaneBadge lane={node.lane} />
                    </td>
                    <td>
                      <When date={node.createdAt} />
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
