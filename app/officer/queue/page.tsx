import type { Metadata } from 'next';
import Link from 'next/link';

import { isOfficial } from '../../../lib/auth/policy';
import { AppError } from '../../../lib/errors';
import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import { listOfficerQueue, type OfficerQueuePage } from '../../../lib/officer-queue/list-officer-queue';
import { listOfficerQueueViews } from '../../../lib/officer-queue/list-officer-queue-views';
import { getActor } from '../../session';
import { LaneBadge, StatusBadge } from '../../declarations/_components/status';
import { filterOfParams, paramsOfFilter } from './filter-params';
import { ClaimButton, SaveViewForm } from './queue-forms';

export const metadata: Metadata = { title: 'Shared queue' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELDS = [
  { name: 'office', label: 'Customs offices', hint: 'e.g. NL000396, separate with commas' },
  { name: 'lane', label: 'Lanes', hint: 'GREEN, YELLOW, RED' },
  { name: 'status', label: 'Statuses', hint: 'e.g. UNDER_CONTROL, QUERY' },
  { name: 'hsChapter', label: 'HS chapters', hint: 'e.g. 09, 84' },
  { name: 'importerEori', label: 'Importer EORIs', hint: 'e.g. NL123456789' },
  { name: 'minAgeHours', label: 'Waiting at least (hours)', hint: '' },
] as const;

export default async function SharedQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (!isOfficial(actor)) return <p className="notice">Only customs officers see the shared queue.</p>;
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
        <Link href="/officer">Officer</Link>
      </p>
      <h1>Shared queue</h1>
      <p className="lead">Claim a declaration before you work on it: others see who has it, and a claim returns to the queue if left alone.</p>
      {views.length > 0 && (
        <nav aria-label="Saved views">
          <ul className="inline-list">
            {views.map((v) => (
              <li key={v.id}>
                <Link href={`/officer/queue?${paramsOfFilter(v.filter as Record<string, unknown>, v.orderBy)}`}>{v.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <form method="get" className="filter-bar" aria-label="Filter the queue">
        <div className="form-grid">
          {FIELDS.map((f) => (
            <div className="field width-m" key={f.name}>
              <label htmlFor={`q-${f.name}`}>{f.label}</label>
              {f.hint && (
                <p className="hint" id={`q-${f.name}-hint`}>
                  {f.hint}
                </p>
              )}
              <input id={`q-${f.name}`} name={f.name} type="text" defaultValue={raw[f.name] ?? ''} aria-describedby={f.hint ? `q-${f.name}-hint` : undefined} />
            </div>
          ))}
          <div className="field width-m">
            <label htmlFor="q-claim">Claimed</label>
            <select id="q-claim" name="claim" defaultValue={raw.claim ?? ''}>
              <option value="">Any</option>
              <option value="MINE">By me</option>
              <option value="OTHERS">By others</option>
              <option value="UNCLAIMED">By nobody</option>
            </select>
          </div>
          <div className="field width-m">
            <label htmlFor="q-order">Sort</label>
            <select id="q-order" name="orderBy" defaultValue={raw.orderBy ?? 'OLDEST_FIRST'}>
              <option value="OLDEST_FIRST">Longest waiting first</option>
              <option value="NEWEST_FIRST">Newest first</option>
              <option value="RISK_SCORE_DESC">Highest risk first</option>
            </select>
          </div>
          <div className="field width-m">
            <label htmlFor="q-late" className="checkbox">
              <input id="q-late" name="late" type="checkbox" value="true" defaultChecked={raw.late === 'true'} /> Only late ones
            </label>
          </div>
        </div>
        <button type="submit">Apply filters</button>
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
            {page.totalCount.toLocaleString('en')} waiting, <strong className={page.lateCount ? 'late' : undefined}>{page.lateCount} late</strong>
            {' — '}
            {page.byLane.map((l) => `${l.lane ?? 'no lane'} ${l.count}`).join(', ')}
          </p>
          <table data-testid="shared-queue">
            <caption className="visually-hidden">Declarations waiting for customs</caption>
            <thead>
              <tr>
                <th scope="col">Declaration</th>
                <th scope="col">Importer</th>
                <th scope="col">Goods</th>
                <th scope="col">Lane</th>
                <th scope="col">Status</th>
                <th scope="col">Waiting</th>
                <th scope="col">Who has it</th>
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
                      {e.goods ?? '—'} <span className="hint">(ch. {e.hsChapters.join(', ')})</span>
                    </td>
                    <td>{e.declaration.lane ? <LaneBadge lane={e.declaration.lane} /> : '—'}</td>
                    <td>
                      <StatusBadge status={e.declaration.status} />
                    </td>
                    <td>
                      {e.ageHours.toFixed(1)} h{e.serviceLevelHours !== null && <> of {e.serviceLevelHours} h</>}
                      {e.late && <strong className="late"> late</strong>}
                    </td>
                    <td>
                      {e.claim ? <span>{e.claim.officerId === actor.userId ? 'You' : e.claim.officerName}</span> : <span className="hint">Nobody</span>}{' '}
                      {(!e.claim || e.claim.officerId === actor.userId) && <ClaimButton id={e.declaration.id} lrn={e.declaration.mrn ?? e.declaration.lrn} mine={!!e.claim} />}
                    </td>
                  </tr>
              ))}
            </tbody>
          </table>
          {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
            <p>
              <Link href={`/officer/queue?${query}&after=${encodeURIComponent(page.pageInfo.endCursor)}`}>Next page</Link>
            </p>
          )}
          <SaveViewForm query={query} />
        </>
      )}
    </>
  );
}
