// One permit: what it covers, its validity, the certificate (PDF with a /verify QR), and for a
// quantity-managed permit its balance and the history of reservations, write-offs and returns. The
// issuing agency's officers may revoke it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { isAgencyOfficer } from '../../../../lib/auth/policy';
import { loadCompanies } from '../../../../lib/declarations/load-declaration-parts';
import { getPermit } from '../../../../lib/permits/get-permit';
import { listPermitBalanceEntries } from '../../../../lib/permits/list-permit-balance-entries';
import { loadAgencies } from '../../../../lib/permits/load-permit-parts';
import { documentName } from '../../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../../_components/list/list-parts';
import { When } from '../../../_i18n/when';
import { getActor } from '../../../session';
import { RevokeForm } from '../../_components/permit-forms';
import { day, PermitBadge, qty } from '../../_components/permit-format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('colPermit') };
}
export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

export default async function PermitPage({ params }: { params: Params }) {
  const { id } = await params;
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  const p = await getPermit({ actor, id });
  if (!p) notFound();
  const [[agency], [holder], history] = await Promise.all([loadAgencies([p.agencyId]), loadCompanies([p.holderId]), p.totalQuantity !== null ? listPermitBalanceEntries(p.id) : Promise.resolve([])]);
  const status = p.status === 'ACTIVE' && p.validUntil <= new Date() ? 'EXPIRED' : p.status;
  const issuer = isAgencyOfficer(actor) && actor.agencyId === p.agencyId;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/permits/held">{t('permitsCrumb')}</Link> · <Link href={`/permits/applications/${p.applicationId}`}>{t('itsApplication')}</Link>
      </p>
      <h1>
        {t('permitHeading', { number: p.number })} <PermitBadge status={status} testId="permit-status" />
      </h1>
      <dl className="facts">
        <dt>{t('document')}</dt>
        <dd>
          {t('documentOf', { document: documentName(p.documentCode), code: p.documentCode, agency: agency?.name ?? '—' })}
        </dd>
        <dt>{t('holder')}</dt>
        <dd>{holder ? `${holder.name} (${holder.eori})` : '—'}</dd>
        <dt>{t('covers')}</dt>
        <dd>{p.commodityCodes.join(', ')}</dd>
        <dt>{t('valid')}</dt>
        <dd>{t('validRange', { from: day(p.validFrom), until: day(p.validUntil) })}</dd>
        {p.revokedAt && (
          <>
            <dt>{t('revoked')}</dt>
            <dd>
              <When date={p.revokedAt} />: {p.revokedReason}
            </dd>
          </>
        )}
        <dt>{t('certificate')}</dt>
        <dd>
          <a href={`/api/permits/${p.id}/certificate.pdf`} data-testid="certificate-link">
            {t('certificatePdf')}
          </a>{' '}
          {t.rich('qrLeads', { link: (chunks) => <Link href={`/verify?hash=${p.decisionSha256}`}>{chunks}</Link> })}
        </dd>
      </dl>
      {p.totalQuantity !== null && (
        <section aria-labelledby="balance-heading" className="panel" data-testid="permit-balance">
          <h2 id="balance-heading">{t('balance')}</h2>
          <p>
            {t('balanceText', { available: qty(p.available, p.quantityUnit), total: qty(p.totalQuantity, p.quantityUnit), reserved: qty(p.reserved, p.quantityUnit), drawn: qty(p.drawn, p.quantityUnit) })}
          </p>
          {history.length === 0 ? (
            <EmptyState testId="no-balance-history">
              <p>{t('noBalanceHistory')}</p>
            </EmptyState>
          ) : (
            <ResultsTable label={t('balanceHistory')} testId="balance-history">
              <thead>
                <tr>
                  <th scope="col">{t('colWhen')}</th>
                  <th scope="col">{t('colWhat')}</th>
                  <th scope="col">{t('quantity')}</th>
                  <th scope="col">{t('availableAfter')}</th>
                  <th scope="col">{t('declaration')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((e) => (
                  <tr key={e.id.toString()}>
                    <td>
                      <When date={e.at} />
                    </td>
                    <td>{t.has(`balanceKind.${e.kind}`) ? t(`balanceKind.${e.kind}`) : e.kind}</td>
                    <td>{qty(e.quantity, p.quantityUnit)}</td>
                    <td>{qty(e.availableAfter, p.quantityUnit)}</td>
                    <td>{e.declarationId ? <Link href={`/declarations/${e.declarationId}`}>{t('declaration')}</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
        </section>
      )}
      {issuer && status === 'ACTIVE' && (
        <section aria-labelledby="revoke-heading" className="panel">
          <h2 id="revoke-heading">{t('revoke')}</h2>
          <RevokeForm id={p.id} />
        </section>
      )}
    </>
  );
}
