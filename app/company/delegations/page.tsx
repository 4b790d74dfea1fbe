import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

import { canAdministerCompany, canGrantDelegation, isOfficial } from '../../../lib/auth/policy';
import { listDelegations, type DelegationState } from '../../../lib/parties/list-delegations';
import { one } from '../../declarations/_components/format';
import { When } from '../../_i18n/when';
import { NoResults, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { GrantDelegationForm } from './grant-form';
import { ConfirmRevokeForm } from '../_components/confirm-revoke-form';
import { revokeDelegationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('delegations'))('title') };
}
export const dynamic = 'force-dynamic';

type Delegation = Awaited<ReturnType<typeof listDelegations>>[number];

const STATE_BADGE: Record<DelegationState, string> = { VALID: 'badge-ok', NOT_YET_VALID: 'badge-info', EXPIRED: 'badge-neutral', REVOKED: 'badge-bad' };

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
  const t = useTranslations('delegations');
  const revoke = useTranslations('company.revoke');
  return (
    <ResultsTable label={label} testId="delegations-table">
      <thead>
        <tr>
          {show.client && <th scope="col">{t('client')}</th>}
          {show.broker && <th scope="col">{t('broker')}</th>}
          <th scope="col">{t('representation')}</th>
          <th scope="col">{t('for')}</th>
          <th scope="col">{t('validFrom')}</th>
          <th scope="col">{t('ends')}</th>
          <th scope="col">{t('state')}</th>
          {revocable && (
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
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
            <td>{t(`representationName.${d.representation}`)}</td>
            <td>{t(`scope.${d.scope}`)}</td>
            <td>
              <When date={d.validFrom} time={false} />
            </td>
            <td>{d.validUntil ? <When date={d.validUntil} time={false} /> : <span className="muted">{t('untilRevoked')}</span>}</td>
            <td>
              <span className={`badge ${STATE_BADGE[d.state]}`} data-state={d.state}>
                {t(`stateName.${d.state}`)}
              </span>
              {d.revokedAt && (
                <span className="muted small">
                  <br />
                  <When date={d.revokedAt} time={false} />
                  {d.revokedBy ? t('revokedBy', { name: d.revokedBy.name }) : ''}
                </span>
              )}
            </td>
            {revocable && (
              <td>
                {d.state === 'VALID' || d.state === 'NOT_YET_VALID' ? (
                  <Link href={`/company/delegations?revoke=${d.id}#revoke-confirm`} className="button button-secondary small-button">
                    {revoke('button')}
                    <span className="visually-hidden">{t('revokeHidden', { broker: d.broker.name })}</span>
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
  const [actor, params, t] = await Promise.all([getActor(), searchParams, getTranslations('delegations')]);
  const official = isOfficial(actor);
  if (!official && !actor.companyId) {
    return (
      <>
        <h1>{t('title')}</h1>
        <NotAllowed actor={actor} title={t('notForYou')} />
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
      <h1>{t('title')}</h1>
      <p className="lead">{official ? t('leadOfficial') : granting ? t('leadTrader') : t('leadBroker')}</p>
      {canAdministerCompany(actor) && <CompanyNav current="delegations" />}

      {done && (
        <p role="status" className="notice notice-success" data-testid="success">
          {t('revokedNotice')}
        </p>
      )}

      {revoking && (
        <section className="callout" aria-labelledby="revoke-confirm" data-testid="revoke-confirm">
          <h2 id="revoke-confirm" tabIndex={-1}>
            {t('revokeQuestion', { broker: revoking.broker.name })}
          </h2>
          <p>{t('revokeWarning', { broker: revoking.broker.name, eori: revoking.broker.eori, scope: revoking.scope })}</p>
          <ConfirmRevokeForm id={revoking.id} action={revokeDelegationAction} cancelHref="/company/delegations" />
        </section>
      )}

      {official ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading">{t('all')}</h2>
          {rows.length === 0 ? (
            <NoResults>{t('noneAtAll')}</NoResults>
          ) : (
            <DelegationTable rows={rows} label={t('all')} show={{ client: true, broker: true }} revocable={false} />
          )}
        </section>
      ) : granting ? (
        <>
          <section aria-labelledby="granted-heading">
            <h2 id="granted-heading">{t('granted')}</h2>
            {granted.length === 0 ? (
              <NoResults testId="delegations-empty">
                {t('noneGranted')} {canGrant ? t('grantBelow') : ''}
              </NoResults>
            ) : (
              <DelegationTable rows={granted} label={t('grantedTable')} show={{ client: false, broker: true }} revocable={canGrant} />
            )}
          </section>
          {canGrant ? (
            <section className="panel" aria-labelledby="grant-heading">
              <h2 id="grant-heading">{t('grant')}</h2>
              <GrantDelegationForm today={new Date().toISOString().slice(0, 10)} />
            </section>
          ) : (
            <p className="hint">{t('onlyAdmins')}</p>
          )}
        </>
      ) : (
        <section aria-labelledby="clients-heading">
          <h2 id="clients-heading">{t('clients')}</h2>
          {received.length === 0 ? (
            <NoResults testId="delegations-empty">
              {t('noClients')}
            </NoResults>
          ) : (
            <DelegationTable rows={received} label={t('clientsTable')} show={{ client: true, broker: false }} revocable={false} />
          )}
        </section>
      )}
    </>
  );
}
