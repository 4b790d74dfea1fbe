import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';

import { listApiTokens } from '../../../lib/auth/list-api-tokens';
import { isCompanyAdministrator } from '../../../lib/auth/policy';
import { SCOPES } from '../../../lib/auth/scopes';
import { getEnv } from '../../../lib/env';
import { one } from '../../declarations/_components/format';
import { When } from '../../_i18n/when';
import { NoResults, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { CreateTokenForm } from './create-token-form';
import { ConfirmRevokeForm } from '../_components/confirm-revoke-form';
import { revokeApiTokenAction } from './actions';
import { isPlatformAdmin } from '../../../lib/auth/policy';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiTokens'))('title') };
}
export const dynamic = 'force-dynamic';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

function TokenState({ token, now }: { token: Token; now: Date }) {
  const t = useTranslations('apiTokens');
  const { revokedAt } = token;
  if (revokedAt)
    return (
      <span className="badge badge-bad" data-state="REVOKED">
        {t.rich('revokedOn', { when: () => <When date={revokedAt} time={false} /> })}
      </span>
    );
  if (token.expiresAt && token.expiresAt <= now) return <span className="badge badge-neutral" data-state="EXPIRED">{t('expired')}</span>;
  return <span className="badge badge-ok" data-state="ACTIVE">{t('active')}</span>;
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, t, revoke] = await Promise.all([getActor(), getTranslations('apiTokens'), getTranslations('company.revoke')]);
  if (!isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        {isPlatformAdmin(actor) && <CompanyNav current="api-tokens" />}
        <NotAllowed
          actor={actor}
          title={actor.companyId ? t('onlyAdmins') : t('noCompany')}
        >
          {actor.companyId && <p>{t('askAdmin')}</p>}
        </NotAllowed>
      </>
    );
  }
  const params = await searchParams;
  const tokens = await listApiTokens({ actor });
  const now = new Date();
  const revoking = tokens.find((k) => k.id === one(params.revoke) && !k.revokedAt);
  const scopes = Object.entries(SCOPES).map(([name, description]) => ({ name, description }));

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t.rich('lead', { link: (chunks) => <Link href="/company/audit">{chunks}</Link> })}</p>
      <CompanyNav current="api-tokens" />

      {one(params.done) === 'revoked' && (
        <p role="status" className="notice notice-success" data-testid="success">
          {t('revokedNotice')}
        </p>
      )}

      {revoking && (
        <section className="callout" aria-labelledby="revoke-confirm" data-testid="revoke-confirm">
          <h2 id="revoke-confirm" tabIndex={-1}>
            {t('revokeQuestion', { name: revoking.name })}
          </h2>
          <p>{t.rich('revokeWarning', { prefix: revoking.prefix, code: (chunks) => <code>{chunks}</code> })}</p>
          <ConfirmRevokeForm id={revoking.id} action={revokeApiTokenAction} cancelHref="/company/api-tokens" />
        </section>
      )}

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">{t('create')}</h2>
        <CreateTokenForm scopes={scopes} graphqlUrl={`${getEnv().PUBLIC_URL}/api/graphql`} />
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('yours')}</h2>
        {tokens.length === 0 ? (
          <NoResults testId="tokens-empty">{t('empty')}</NoResults>
        ) : (
          <ResultsTable labelledBy="tokens-heading" testId="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('token')}</th>
                <th scope="col">{t('scopes')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('expires')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.id} data-token={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>
                    <ul className="plain-list tight">
                      {k.scopes.map((s) => (
                        <li key={s}>
                          <code>{s}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <When date={k.createdAt} />
                    <br />
                    <span className="muted small">{t('by', { name: k.createdBy.name })}</span>
                  </td>
                  <td>{k.expiresAt ? <When date={k.expiresAt} time={false} /> : <span className="muted">{t('never')}</span>}</td>
                  <td>{k.lastUsedAt ? <When date={k.lastUsedAt} /> : <span className="muted">{t('never')}</span>}</td>
                  <td>
                    <TokenState token={k} now={now} />
                  </td>
                  <td>
                    {!k.revokedAt && (
                      <Link href={`/company/api-tokens?revoke=${k.id}#revoke-confirm`} className="button button-secondary small-button">
                        {revoke('button')}<span className="visually-hidden"> {k.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        )}
      </section>
    </>
  );
}
