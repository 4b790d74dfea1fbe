// Permits as the reader may see them (lib/permits/list-permits: the holder's, an agency's own, all for
// customs), newest first, with validity and — for quantity-managed ones — reserved, drawn and available.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { loadAgencies } from '../../../lib/permits/load-permit-parts';
import { listPermits } from '../../../lib/permits/list-permits';
import { documentName } from '../../../lib/permits/permit-codes';
import { EmptyState, ListCount, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { day, PermitBadge, qty } from '../_components/permit-format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('heldTitle') };
}
export const dynamic = 'force-dynamic';

const STEP = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PermitsHeldPage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  const raw = (await searchParams).show;
  const show = Math.min(Math.max(Number(Array.isArray(raw) ? raw[0] : raw) || STEP, STEP), 200);
  // One more than shown says whether there are more.
  const permits = await listPermits({ actor, first: show + 1 });
  const shown = permits.slice(0, show);
  const agencies = new Map((await loadAgencies([...new Set(shown.map((p) => p.agencyId))])).filter((a) => a !== null).map((a) => [a.id, a]));
  const now = new Date();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/permits">{t('applicationsTitle')}</Link>
      </p>
      <h1>{t('heldTitle')}</h1>
      <ListCount id="permits-count" count={shown.length} text={t('permitCount', { count: shown.length, more: permits.length > show ? 'yes' : 'no' })} />
      {shown.length === 0 ? (
        <EmptyState testId="no-permits">
          <p>
            {t.rich('noPermits', { link: (chunks) => <Link href="/permits/apply">{chunks}</Link> })}
          </p>
        </EmptyState>
      ) : (
        <ResultsTable labelledBy="permits-count" testId="permits">
          <thead>
            <tr>
              <th scope="col">{t('colPermit')}</th>
              <th scope="col">{t('document')}</th>
              <th scope="col">{t('commodityCodes')}</th>
              <th scope="col">{t('valid')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('reserved')}</th>
              <th scope="col">{t('drawn')}</th>
              <th scope="col">{t('available')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const status = p.status === 'ACTIVE' && p.validUntil <= now ? 'EXPIRED' : p.status;
              return (
                <tr key={p.id} data-testid={`permit-row-${p.number}`}>
                  <th scope="row">
                    <Link href={`/permits/held/${p.id}`}>{p.number}</Link>
                  </th>
                  <td>
                    {documentName(p.documentCode)}, {agencies.get(p.agencyId)?.code}
                  </td>
                  <td>{p.commodityCodes.join(', ')}</td>
                  <td>{t('validRange', { from: day(p.validFrom), until: day(p.validUntil) })}</td>
                  <td>
                    <PermitBadge status={status} />
                  </td>
                  <td>{p.totalQuantity === null ? t('notQuantityManaged') : qty(p.reserved, p.quantityUnit)}</td>
                  <td>{p.totalQuantity === null ? '—' : qty(p.drawn, p.quantityUnit)}</td>
                  <td>{p.totalQuantity === null ? '—' : t('availableOf', { available: qty(p.available, p.quantityUnit), total: qty(p.totalQuantity) })}</td>
                </tr>
              );
            })}
          </tbody>
        </ResultsTable>
      )}
      {permits.length > show && show < 200 && (
        <nav aria-label={t('pages')} className="pager">
          <Link href={`/permits/held?show=${show + STEP}`}>{t('showMore')}</Link>
        </nav>
      )}
    </>
  );
}
