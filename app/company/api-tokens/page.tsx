import type { Metadata } from 'next';
import Link from 'next/link';

import { listApiTokens } from '../../../lib/auth/list-api-tokens';
import { isCompanyAdministrator } from '../../../lib/auth/policy';
import { SCOPES } from '../../../lib/auth/scopes';
import { getEnv } from '../../../lib/env';
import { formatDate, formatDateTime, one } from '../../declarations/_components/format';
import { NoResults, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { CompanyNav } from '../_components/company-nav';
import { NotAllowed } from '../_components/not-allowed';
import { CreateTokenForm } from './create-token-form';
import { ConfirmRevokeForm } from '../_components/confirm-revoke-form';
import { revokeApiTokenAction } from './actions';
import { isPlatformAdmin } from '../../../lib/auth/policy';

export const metadata: Metadata = { title: 'API tokens' };
export const dynamic = 'force-dynamic';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

function TokenState({ token, now }: { token: Token; now: Date }) {
  if (token.revokedAt) return <span className="badge badge-bad" data-state="REVOKED">Revoked {formatDate(token.revokedAt)}</span>;
  if (token.expiresAt && token.expiresAt <= now) return <span className="badge badge-neutral" data-state="EXPIRED">Expired</span>;
  return <span className="badge badge-ok" data-state="ACTIVE">Active</span>;
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!isCompanyAdministrator(actor)) {
    return (
      <>
        <h1>API tokens</h1>
        {isPlatformAdmin(actor) && <CompanyNav current="api-tokens" />}
        <NotAllowed
          actor={actor}
          title={actor.companyId ? 'Only administrators of your company create API tokens.' : 'API tokens belong to a company: officers and platform administrators have none.'}
        >
          {actor.companyId && <p>An API token lets another app (your ERP, a tracking device) use Clearway for your company. Ask an administrator for one.</p>}
        </NotAllowed>
      </>
    );
  }
  const params = await searchParams;
  const tokens = await listApiTokens({ actor });
  const now = new Date();
  const revoking = tokens.find((t) => t.id === one(params.revoke) && !t.revokedAt);
  const scopes = Object.entries(SCOPES).map(([name, description]) => ({ name, description }));

  return (
    <>
      <h1>API tokens</h1>
      <p className="lead">
        Tokens let your other systems use the Clearway API for your company, within the scopes you choose. Each request with a token is recorded in the{' '}
        <Link href="/company/audit">audit log</Link> with the token’s id.
      </p>
      <CompanyNav current="api-tokens" />

      {one(params.done) === 'revoked' && (
        <p role="status" className="notice notice-success" data-testid="success">
          The token is revoked: requests with it are refused from now on.
        </p>
      )}

      {revoking && (
        <section className="callout" aria-labelledby="revoke-confirm" data-testid="revoke-confirm">
          <h2 id="revoke-confirm" tabIndex={-1}>
            Revoke the token “{revoking.name}”?
          </h2>
          <p>
            Apps using <code>{revoking.prefix}…</code> stop working at once. This cannot be undone.
          </p>
          <ConfirmRevokeForm id={revoking.id} action={revokeApiTokenAction} cancelHref="/company/api-tokens" />
        </section>
      )}

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">Create a token</h2>
        <CreateTokenForm scopes={scopes} graphqlUrl={`${getEnv().PUBLIC_URL}/api/graphql`} />
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your company’s tokens</h2>
        {tokens.length === 0 ? (
          <NoResults testId="tokens-empty">No API tokens yet. Create one above when an app needs to use Clearway for your company.</NoResults>
        ) : (
          <ResultsTable labelledBy="tokens-heading" testId="tokens-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-token={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>
                    <ul className="plain-list tight">
                      {t.scopes.map((s) => (
                        <li key={s}>
                          <code>{s}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {formatDateTime(t.createdAt)}
                    <br />
                    <span className="muted small">by {t.createdBy.name}</span>
                  </td>
                  <td>{t.expiresAt ? formatDate(t.expiresAt) : <span className="muted">Never</span>}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">Never</span>}</td>
                  <td>
                    <TokenState token={t} now={now} />
                  </td>
                  <td>
                    {!t.revokedAt && (
                      <Link href={`/company/api-tokens?revoke=${t.id}#revoke-confirm`} className="button button-secondary small-button">
                        Revoke<span className="visually-hidden"> {t.name}</span>
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
