import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

import { isOfficial } from '../../../lib/auth/policy';
import { AppError } from '../../../lib/errors';
import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import { listOfficerQueue, type OfficerQueuePage } from '../../../lib/officer-queue/list-officer-queue';
import { listOfficerQueueViews } from '../../../lib/officer-queue/list-officer-queue-views';
import { getActor } from '../../session';
import { LaneBadge, StatusBadge } from '../../declarations/_components/status';
import { filterOfParams, paramsOfFilter } from './filter-params';
import { ClaimButton, SaveViewForm } from './queue-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharedQueue'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Each field's label is `sharedQueue.field.<name>`, its hint (when it has one) `sharedQueue.hint.<name>`.
const FIELDS = [
  { name: 'office', hinted: true },
  { name: 'lane', hinted: true },
  { name: 'status', hinted: true },
  { name: 'hsChapter', hinted: true },
  { name: 'importerEori', hinted: true },
  { name: 'minAgeHours', hinted: false },
] as const;

export default async function SharedQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t, officer, laneName, format] = await Promise.all([getActor(), getTranslations('sharedQueue'), getTranslations('officer'), getTranslations('lane'), getFormatter()]);
  if (!isOfficial(actor)) return <p className="notice">{t('onlyOfficers')}</p>;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { filter, orderBy } = filterOfParams(raw);
  let page: OfficerQueuePage | null = null;
  let problem: AppError | null = null;
  try {
    page = await listOfficerQueue({ actor, filter, orderBy, after: raw.after, first: 25 });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
    problem = error;
  }
  const views = await listOfficerQueueViews({ actor });
  const importerIds = [...new Set((page?.edges ?? []).map((e) => e.node.declaration.importerId).filter((c): c is string => !!c))];
  const importers = new Map((await loadCompanies(importerIds)).filter((c) => c !== null).map((c) => [c.id, `${c.name} (${c.eori})`]));
  const query = paramsOfFilter(filter, orderBy ?? 'OLDEST_FIRST');
  return (
    <>
      <p className="breadcrumb">
        <Link href="/officer">{officer('breadcrumb')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {views.length > 0 && (
        <nav aria-label={t('savedViews')}>
          <ul className="inline-list">
            {views.map((v) => (
              <li key={v.id}>
                <Link href={`/officer/queue?${paramsOfFilter(v.filter as Record<string, unknown>, v.orderBy)}`}>{v.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form method="get" className="filter-bar" aria-label={t('filterLabel')}>
        <div className="form-grid">
          {FIELDS.map((f) => (
            <div className="field width-m" key={f.name}>
              <label htmlFor={`q-${f.name}`}>{t(`field.${f.name}`)}</label>
              {f.hinted && (
                <p className="hint" id={`q-${f.name}-hint`}>
                  {t(`hint.${f.name}`)}
                </p>
              )}
              <input id={`q-${f.name}`} name={f.name} type="text" defaultValue={raw[f.name] ?? ''} aria-describedby={f.hinted ? `q-${f.name}-hint` : undefined} />
            </div>
          ))}
          <div className="field width-m">
            <label htmlFor="q-claim">{t('claimed')}</label>
            <select id="q-claim" name="claim" defaultValue={raw.claim ?? ''}>
              <option value="">{t('any')}</option>
              <option value="MINE">{t('byMe')}</option>
              <option value="OTHERS">{t('byOthers')}</option>
              <option value="UNCLAIMED">{t('byNobody')}</option>
            </select>
          </div>
          <div className="field width-m">
            <label htmlFor="q-order">{t('sort')}</label>
            <select id="q-order" name="orderBy" defaultValue={raw.orderBy ?? 'OLDEST_FIRST'}>
              <option value="OLDEST_FIRST">{t('oldestFirst')}</option>
              <option value="NEWEST_FIRST">{t('newestFirst')}</option>
              <option value="RISK_SCORE_DESC">{t('riskFirst')}</option>
            </select>
          </div>
          <div className="field width-m">
            <label htmlFor="q-late" className="checkbox">
              <input id="q-late" name="late" type="checkbox" value="true" defaultChecked={raw.late === 'true'} /> {t('onlyLate')}
            </label>
          </div>
        </div>
        <button type="submit">{t('apply')}</button>
      </form>
      {problem && (
        <div role="alert" className="error-summary" data-testid="queue-filter-problem">
          <h2>{problem.message}</h2>
          <ul>
            {(problem.details.fieldErrors ?? []).map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
      {page && (
        <>
          <p data-testid="queue-counts">
            {t.rich('counts', { count: page.totalCount, late: page.lateCount, strong: (chunks) => <strong className={page.lateCount ? 'late' : undefined}>{chunks}</strong> })}
            {' — '}
            {page.byLane.map((l) => `${l.lane ? laneName(l.lane) : t('noLane')} ${format.number(l.count)}`).join(', ')}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('caption')}>
            <table data-testid="shared-queue">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('declaration')}</th>
                  <th scope="col">{t('importer')}</th>
                  <th scope="col">{t('goods')}</th>
                  <th scope="col">{t('lane')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('waiting')}</th>
                  <th scope="col">{t('holder')}</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: e }) => (
                    <tr key={e.declaration.id} className={e.late ? 'row-late' : undefined} data-testid={`queue-row-${e.declaration.lrn}`}>
                      <th scope="row">
                        <Link href={`/declarations/${e.declaration.id}`}>{e.declaration.mrn ?? e.declaration.lrn}</Link>
                      </th>
                      <td>{(e.declaration.importerId && importers.get(e.declaration.importerId)) ?? '—'}</td>
                      <td>
                        {e.goods ?? '—'} <span className="hint">{t('chapters', { chapters: e.hsChapters.join(', ') })}</span>
                      </td>
                      <td>{e.declaration.lane ? <LaneBadge lane={e.declaration.lane} /> : '—'}</td>
                      <td>
                        <StatusBadge status={e.declaration.status} />
                      </td>
                      <td>
                        {t('hours', { hours: format.number(e.ageHours, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
                        {e.serviceLevelHours !== null && t('ofHours', { hours: format.number(e.serviceLevelHours) })}
                        {e.late && <strong className="late">{t('late')}</strong>}
                      </td>
                      <td>
                        {e.claim ? <span>{e.claim.officerId === actor.userId ? t('you') : e.claim.officerName}</span> : <span className="hint">{t('nobody')}</span>}{' '}
                        {(!e.claim || e.claim.officerId === actor.userId) && <ClaimButton id={e.declaration.id} lrn={e.declaration.mrn ?? e.declaration.lrn} mine={!!e.claim} />}
                      </td>
                    </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
            <p>
              <Link href={`/officer/queue?${query}&after=${encodeURIComponent(page.pageInfo.endCursor)}`}>{t('nextPage')}</Link>
            </p>
          )}
          <SaveViewForm query={query} />
        </>
      )}
    </>
  );
}
