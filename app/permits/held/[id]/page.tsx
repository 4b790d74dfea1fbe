// One permit: what it covers, its validity, the certificate (PDF with a /verify QR), and for a
// quantity-managed permit its balance and the history of reservations, write-offs and returns. The
// issuing agency's officers may revoke it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { isAgencyOfficer } from '../../../../lib/auth/policy';
import { loadCompanies } from '../../../../lib/declarations/load-declaration-parts';
import { getPermit } from '../../../../lib/permits/get-permit';
import { listPermitBalanceEntries } from '../../../../lib/permits/list-permit-balance-entries';
import { loadAgencies } from '../../../../lib/permits/load-permit-parts';
import { documentName } from '../../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../../_components/list/list-parts';
import { getActor } from '../../../session';
import { RevokeForm } from '../../_components/permit-forms';
import { day, PermitBadge, qty, when } from '../../_components/permit-format';

export const metadata: Metadata = { title: 'Permit' };
export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const KIND = { RESERVE: 'Reserved by a declaration', WRITE_OFF: 'Written off at release', DRAW: 'Drawn at release', RETURN: 'Returned' } as Record<string, string>;

export default async function PermitPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await getActor();
  const p = await getPermit({ actor, id });
  if (!p) notFound();
  const [[agency], [holder], history] = await Promise.all([loadAgencies([p.agencyId]), loadCompanies([p.holderId]), p.totalQuantity !== null ? listPermitBalanceEntries(p.id) : Promise.resolve([])]);
  const status = p.status === 'ACTIVE' && p.validUntil <= new Date() ? 'EXPIRED' : p.status;
  const issuer = isAgencyOfficer(actor) && actor.agencyId === p.agencyId;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/permits/held">Permits</Link> · <Link href={`/permits/applications/${p.applicationId}`}>Its application</Link>
      </p>
      <h1>
        Permit {p.number} <PermitBadge status={status} testId="permit-status" />
      </h1>
      <dl className="facts">
        <dt>Document</dt>
        <dd>
          {documentName(p.documentCode)} ({p.documentCode}) of {agency?.name}
        </dd>
        <dt>Holder</dt>
        <dd>{holder ? `${holder.name} (${holder.eori})` : '—'}</dd>
        <dt>Covers</dt>
        <dd>{p.commodityCodes.join(', ')}</dd>
        <dt>Valid</dt>
        <dd>
          {day(p.validFrom)} to {day(p.validUntil)}
        </dd>
        {p.revokedAt && (
          <>
            <dt>Revoked</dt>
            <dd>
              {when(p.revokedAt)}: {p.revokedReason}
            </dd>
          </>
        )}
        <dt>Certificate</dt>
        <dd>
          <a href={`/api/permits/${p.id}/certificate.pdf`} data-testid="certificate-link">
            Certificate (PDF)
          </a>{' '}
          — its QR code leads to <Link href={`/verify?hash=${p.decisionSha256}`}>the verification of the anchored decision</Link>.
        </dd>
      </dl>
      {p.totalQuantity !== null && (
        <section aria-labelledby="balance-heading" className="panel" data-testid="permit-balance">
          <h2 id="balance-heading">Balance</h2>
          <p>
            {qty(p.available, p.quantityUnit)} available of {qty(p.totalQuantity, p.quantityUnit)}; {qty(p.reserved, p.quantityUnit)} reserved by declarations waiting for release; {qty(p.drawn, p.quantityUnit)} drawn.
          </p>
          {history.length === 0 ? (
            <EmptyState testId="no-balance-history">
              <p>No declaration has used this permit yet.</p>
            </EmptyState>
          ) : (
            <ResultsTable label="Balance history" testId="balance-history">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Available after</th>
                  <th scope="col">Declaration</th>
                </tr>
              </thead>
              <tbody>
                {history.map((e) => (
                  <tr key={e.id.toString()}>
                    <td>{when(e.at)}</td>
                    <td>{KIND[e.kind] ?? e.kind}</td>
                    <td>{qty(e.quantity, p.quantityUnit)}</td>
                    <td>{qty(e.availableAfter, p.quantityUnit)}</td>
                    <td>{e.declarationId ? <Link href={`/declarations/${e.declarationId}`}>Declaration</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </ResultsTable>
          )}
        </section>
      )}
      {issuer && status === 'ACTIVE' && (
        <section aria-labelledby="revoke-heading" className="panel">
          <h2 id="revoke-heading">Revoke</h2>
          <RevokeForm id={p.id} />
        </section>
      )}
    </>
  );
}
