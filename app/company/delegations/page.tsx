import type { Metadata } from 'next';
import Link from 'next/link';

import { canAdministerCompany, canGrantDelegation, isOfficial } from '../../../lib/auth/policy';
import { listDelegations, type DelegationState } from '../../../lib/parties/list-delegations';
import { formatDate, one } from '../../declarations/_components/format';
import { NoResults, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { GrantDelegationForm } from './grant-form';
import { ConfirmRevokeForm } from '../_components/confirm-revoke-form';
import { revokeDelegationAction } from './actions';

export const metadata: Metadata = { title: 'Delegations' };
export const dynamic = 'force-dynamic';

type Delegation = Awaited<ReturnType<typeof listDelegations>>[number];

const STATE: Record<DelegationState, { label: string; badge: string }> = {
  VALID: { label: 'Valid', badge: 'badge-ok' },
  NOT_YET_VALID: { label: 'Not yet valid', badge: 'badge-info' },
  EXPIRED: { label: 'Expired', badge: 'badge-neutral' },
  REVOKED: { label: 'Revoked', badge: 'badge-bad' },
};
const SCOPE_LABEL = { IMPORT: 'Imports', EXPORT: 'Exports', ALL: 'Imports and exports' } as const;
const REPRESENTATION_LABEL = { DIRECT: 'Direct', INDIRECT: 'Indirect' } as const;

function Party({ party }: { party: { name: string; eori: string } }) {
  return (
    <>
      {party.name}
      <br />
      <code className="muted small">{party.eori}</code>
    </>
  );
}

function DelegationTable({ rows, label, show, revocable }: { rows: Delegation[]; label: string; show: { client: boolean; broker: boolean }; revocable: boolean }) {
  return (
    <ResultsTable label={label} testId="delegations-table">
      <thead>
        <tr>
          {show.client && <th scope="col">Client</th>}
          {show.broker && <th scope="col">Broker</th>}
          <th scope="col">Representation</th>
          <th scope="col">For</th>
          <th scope="col">Valid from</th>
          <th scope="col">Ends</th>
          <th scope="col">State</th>
          {revocable && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-delegation={d.id} data-broker={d.broker.eori} data-client={d.client.eori}>
            {show.client && (
              <td>
                <Party party={d.client} />
              </td>
            )}
            {show.broker && (
              <td>
                <Party party={d.broker} />
              </td>
            )}
            <td>{REPRESENTATION_LABEL[d.representation]}</td>
            <td>{SCOPE_LABEL[d.scope]}</td>
            <td>{formatDate(d.validFrom)}</td>
            <td>{d.validUntil ? formatDate(d.validUntil) : <span className="muted">Until revoked</span>}</td>
            <td>
              <span className={`badge ${STATE[d.state].badge}`} data-state={d.state}>
                {STATE[d.state].label}
              </span>
              {d.revokedAt && (
                <span className="muted small">
                  <br />
                  {formatDate(d.revokedAt)}
                  {d.revokedBy ? ` by ${d.revokedBy.name}` : ''}
                </span>
              )}
            </td>
            {revocable && (
              <td>
                {d.state === 'VALID' || d.state === 'NOT_YET_VALID' ? (
                  <Link href={`/company/delegations?revoke=${d.id}#revoke-confirm`} className="button button-secondary small-button">
                    Revoke<span className="visually-hidden"> the delegation to {d.broker.name}</span>
                  </Link>
                ) : null}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}

export default async function DelegationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const official = isOfficial(actor);
  if (!official && !actor.companyId) {
    return (
      <>
        <h1>Delegations</h1>
        <NotAllowed actor={actor} title="Delegations are between trader companies and customs brokers." />
      </>
    );
  }
  const rows = await listDelegations({ actor });
  const granting = canGrantDelegation(actor);
  const canGrant = granting && actor.isCompanyAdmin;
  const granted = rows.filter((d) => d.clientId === actor.companyId);
  const received = rows.filter((d) => d.brokerId === actor.companyId);
  const revoking = canGrant ? granted.find((d) => d.id === one(params.revoke) && (d.state === 'VALID' || d.state === 'NOT_YET_VALID')) : undefined;
  const done = one(params.done) === 'revoked';

  return (
    <>
      <h1>Delegations</h1>
      <p className="lead">
        {official
          ? 'Every power of representation in Clearway: which broker may file for which client.'
          : granting
            ? 'Powers of representation your company granted to customs brokers: a broker files your declarations only while its delegation is valid.'
            : 'The clients who granted your company power of representation: you file their declarations while the delegation is valid.'}
      </p>
      {canAdministerCompany(actor) && <CompanyNav current="delegations" />}

      {done && (
        <p role="status" className="notice notice-success" data-testid="success">
          The delegation is revoked. The broker can no longer file for your company; what it filed stays visible to you.
        </p>
      )}

      {revoking && (
        <section className="callout" aria-labelledby="revoke-confirm" data-testid="revoke-confirm">
          <h2 id="revoke-confirm" tabIndex={-1}>
            Revoke the delegation to {revoking.broker.name}?
          </h2>
          <p>
            {revoking.broker.name} ({revoking.broker.eori}) loses the power to file {SCOPE_LABEL[revoking.scope].toLowerCase()} for your company at once.
            This cannot be undone: to allow it again, grant a new delegation.
          </p>
          <ConfirmRevokeForm id={revoking.id} action={revokeDelegationAction} cancelHref="/company/delegations" />
        </section>
      )}

      {official ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">All delegations</h2>
          {rows.length === 0 ? (
            <NoResults>No company has granted a power of representation yet.</NoResults>
          ) : (
            <DelegationTable rows={rows} label="All delegations" show={{ client: true, broker: true }} revocable={false} />
          )}
        </section>
      ) : granting ? (
        <>
          <section aria-labelledby="granted-heading">
            <h2 id="granted-heading">Granted by your company</h2>
            {granted.length === 0 ? (
              <NoResults testId="delegations-empty">
                Your company has not granted a power of representation. {canGrant ? 'Grant one below to let a customs broker file for you.' : ''}
              </NoResults>
            ) : (
              <DelegationTable rows={granted} label="Delegations granted by your company" show={{ client: false, broker: true }} revocable={canGrant} />
            )}
          </section>
          {canGrant ? (
            <section className="panel" aria-labelledby="grant-heading">
              <h2 id="grant-heading">Grant power of representation</h2>
              <GrantDelegationForm today={new Date().toISOString().slice(0, 10)} />
            </section>
          ) : (
            <p className="hint">Only an administrator of your company grants or revokes powers of representation.</p>
          )}
        </>
      ) : (
        <section aria-labelledby="clients-heading">
          <h2 id="clients-heading">Your clients</h2>
          {received.length === 0 ? (
            <NoResults testId="delegations-empty">
              No client has granted your company power of representation yet. A client’s administrator grants it in Clearway with your EORI number.
            </NoResults>
          ) : (
            <DelegationTable rows={received} label="Clients of your company" show={{ client: true, broker: false }} revocable={false} />
          )}
        </section>
      )}
    </>
  );
}
