import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { describeAuditDetails } from '../../../lib/audit';
import { listAuditEvents } from '../../../lib/auth/list-audit-events';
import { canAdministerCompany, canReadAuditLog, isOfficial } from '../../../lib/auth/policy';
import { one } from '../../declarations/_components/format';
import { When } from '../../_i18n/when';
import { ListError, NoResults, ResultsTable, SearchField, SearchForm } from '../../_components/list/list-parts';
import { Pager } from '../../_components/list/pager';
import { readListPage } from '../../_components/list/read-list-page';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}
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
  const [actor, t, actions] = await Promise.all([getActor(), getTranslations('audit'), getTranslations('auditAction')]);
  const official = isOfficial(actor);
  if (!canReadAuditLog(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <NotAllowed actor={actor} title={t('notAllowed')}>
          <p>{t('askAdmin')}</p>
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
      <h1>{t('title')}</h1>
      <p className="lead">{official ? t('leadOfficial') : t('leadCompany')}</p>
      {canAdministerCompany(actor) && <CompanyNav current="audit" />}

      <SearchForm
        action="/company/audit"
        label={t('filterLabel')}
        keep={{ targetId }}
        submit={t('filter')}
        reset={action || targetId ? { href: '/company/audit', label: t('showAll') } : undefined}
        hinted
      >
        <SearchField
          id="audit-action"
          name="action"
          label={t('actionStarts')}
          defaultValue={action}
          maxLength={64}
          hint={t.rich('actionHint', {
            user: () => <code>user.</code>,
            token: () => <code>api_token.</code>,
            revoke: () => <code>delegation.revoke</code>,
            declaration: () => <code>declaration.</code>,
          })}
        />
      </SearchForm>
      {targetId && (
        <p className="notice" data-testid="target-filter">
          {t.rich('onlyAbout', { target: targetId, code: (chunks) => <code>{chunks}</code>, link: (chunks) => <Link href={href({ action })}>{chunks}</Link> })}
        </p>
      )}

      <ListError error={error}>
        <Link href={href({ action, targetId })}>{t('backToNewest')}</Link>.
      </ListError>
      {page &&
        (page.nodes.length === 0 ? (
          <NoResults testId="audit-empty">{action || targetId ? t('noMatch') : t('empty')}</NoResults>
        ) : (
          <ResultsTable label={t('table')} className="results compact audit-table" testId="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{t('token')}</th>
                <th scope="col">{t('ip')}</th>
                <th scope="col">{t('requestId')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <When date={e.at} />
                  </td>
                  <td>
                    {actions.has(e.action) && (
                      <>
                        {actions(e.action)}
                        <br />
                      </>
                    )}
                    <code className="nowrap">{e.action}</code>
                  </td>
                  <td>
                    {e.targetType}
                    <br />
                    <Link href={href({ targetId: e.targetId })} aria-label={t('eventsAbout', { type: e.targetType, id: e.targetId })}>
                      <ShortId id={e.targetId} />
                    </Link>
                  </td>
                  <td className="actor-cell">{e.actorEmail ?? <span className="muted">{t('system')}</span>}</td>
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
          labels={{ first: t('newest'), next: t('older') }}
        />
      )}
    </>
  );
}
