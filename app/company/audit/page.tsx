import type { Metadata } from 'next';
import Link from 'next/link';

import { describeAuditDetails } from '../../../lib/audit';
import { listAuditEvents } from '../../../lib/auth/list-audit-events';
import { canAdministerCompany, canReadAuditLog, isOfficial } from '../../../lib/auth/policy';
import { formatDateTime, one } from '../../declarations/_components/format';
import { ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../../_components/list/list-parts';
import { Pager } from '../../_components/list/pager';
import { readListPage } from '../../_components/list/read-list-page';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

function href(params: { action?: string; targetId?: string; after?: string }): string {
  const query = new URLSearchParams();
  if (params.action) query.set('action', params.action);
  if (params.targetId) query.set('targetId', params.targetId);
  if (params.after) query.set('after', params.after);
  const s = query.toString();
  return s ? `/company/audit?${s}` : '/company/audit';
}

/** A long id (UUID) shortened for the table; the whole id is its title. */
function ShortId({ id }: { id: string }) {
  return (
    <code className="small" title={id}>
      {id.length > 12 ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

/** Details as labelled lines, by the action's schema in lib/audit.ts; values as compact JSON. */
function Details({ action, details }: { action: string; details: unknown }) {
  const lines = describeAuditDetails(action, details);
  if (lines.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="audit-details">
      {lines.map(({ label, value }) => (
        <li key={label}>
          <span className="muted">{label}:</span> <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
        </li>
      ))}
    </ul>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  const official = isOfficial(actor);
  if (!canReadAuditLog(actor)) {
    return (
      <>
        <h1>Audit log</h1>
        <NotAllowed actor={actor} title="Only company administrators, customs officers and platform administrators read the audit log.">
          <p>Ask an administrator of your company if you need to know who changed what.</p>
        </NotAllowed>
      </>
    );
  }
  const params = await searchParams;
  const action = (one(params.action) ?? '').trim().slice(0, 64);
  const targetId = (one(params.targetId) ?? '').trim().slice(0, 64);
  const after = one(params.after);
  const { page, error } = await readListPage(listAuditEvents({ actor, input: { action: action || undefined, targetId: targetId || undefined, after, first: PAGE_SIZE } }));

  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        {official ? 'Every recorded change in Clearway, newest first.' : 'Every recorded change made by or for your company, newest first.'} Times are in UTC.
      </p>
      {canAdministerCompany(actor) && <CompanyNav current="audit" />}

      <SearchForm
        action="/company/audit"
        label="Filter the audit log"
        keep={{ targetId }}
        submit="Filter"
        reset={action || targetId ? { href: '/company/audit', label: 'Show all' } : undefined}
        hinted
      >
        <SearchField
          id="audit-action"
          name="action"
          label="Action starts with"
          defaultValue={action}
          maxLength={64}
          hint={
            <>
              For example <code>user.</code>, <code>api_token.</code>, <code>delegation.revoke</code> or <code>declaration.</code>
            </>
          }
        />
      </SearchForm>
      {targetId && (
        <p className="notice" data-testid="target-filter">
          Only events about <code>{targetId}</code>. <Link href={href({ action })}>Show events about everything</Link>
        </p>
      )}

      <ListError error={error}>
        <Link href={href({ action, targetId })}>Back to the newest events</Link>.
      </ListError>
      {page &&
        (page.nodes.length === 0 ? (
          <NoResults testId="audit-empty">{action || targetId ? 'No event matches this filter.' : 'No events recorded yet.'}</NoResults>
        ) : (
          <ResultsTable label="Audit events, newest first" className="results compact audit-table" testId="audit-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Actor</th>
                <th scope="col">Token</th>
                <th scope="col">IP</th>
                <th scope="col">Request id</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={e.at.toISOString()}>
                      {formatDateTime(e.at).slice(0, 10)}
                      <br />
                      {formatDateTime(e.at).slice(11)}
                    </time>
                  </td>
                  <td className="nowrap">
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.targetType}
                    <br />
                    <Link href={href({ targetId: e.targetId })} aria-label={`Events about ${e.targetType} ${e.targetId}`}>
                      <ShortId id={e.targetId} />
                    </Link>
                  </td>
                  <td className="actor-cell">{e.actorEmail ?? <span className="muted">system</span>}</td>
                  <td>{e.tokenId ? <ShortId id={e.tokenId} /> : <span className="muted">—</span>}</td>
                  <td>{e.ip ? <code className="small">{e.ip}</code> : <span className="muted">—</span>}</td>
                  <td>{e.requestId ? <ShortId id={e.requestId} /> : <span className="muted">—</span>}</td>
                  <td>
                    <Details action={e.action} details={e.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        ))}
      {page && (
        <Pager
          after={after}
          pageInfo={{ hasNextPage: page.hasNextPage, endCursor: page.endCursor }}
          hrefFor={(next) => href({ action, targetId, after: next })}
          labels={{ first: 'Newest events', next: 'Older events' }}
        />
      )}
    </>
  );
}
