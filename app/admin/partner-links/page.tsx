// Platform administrators keep the outbound partner links: the partner administrations this Clearway
// pulls scans from (docs/scans.md "Pulling from a partner"). The list with each link's endpoint, pinned
// ledger key (its fingerprint), last pull and its error, and the scans pulled; a form to link a partner;
// per active link "pull now" (queues the pull job) and a revocation with a reason and a confirmation.
// The inbound side (partners that pull from us) is /admin/scan-partners.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isPlatformAdmin } from '../../../lib/auth/policy';
import { listPartnerLinks } from '../../../lib/scans/list-partner-links';
import { When } from '../../_i18n/when';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { PullNowButton, RegisterPartnerLinkForm, RevokePartnerLinkForm } from './partner-link-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerLinks'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function PartnerLinksPage() {
  const [actor, t] = await Promise.all([getActor(), getTranslations('partnerLinks')]);
  if (!isPlatformAdmin(actor)) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice" role="alert" data-testid="forbidden">
          {t('forbidden')}
        </p>
      </>
    );
  }
  const links = await listPartnerLinks({ actor });
  const active = links.filter((l) => !l.revokedAt);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        {t.rich('inbound', { link: (chunks) => <Link href="/admin/scan-partners">{chunks}</Link> })}
      </p>
      <section aria-labelledby="links-heading" className="panel">
        <h2 id="links-heading">{t('listHeading', { count: links.length })}</h2>
        {links.length === 0 ? (
          <EmptyState testId="no-links">
            <p>{t('empty')}</p>
          </EmptyState>
        ) : (
          <ResultsTable labelledBy="links-heading" testId="partner-links">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('country')}</th>
                <th scope="col">{t('graphqlUrl')}</th>
                <th scope="col">{t('ledgerKey')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('lastPull')}</th>
                <th scope="col">{t('lastError')}</th>
                <th scope="col">{t('scansPulled')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id} data-link-id={l.id} data-name={l.name} data-status={l.revokedAt ? 'revoked' : 'active'}>
                  <th scope="row">
                    {l.name}
                    <br />
                    <span className="muted">{t('ourKeyId', { keyId: l.keyId })}</span>
                  </th>
                  <td>{l.country}</td>
                  <td>
                    <code>{l.graphqlUrl}</code>
                  </td>
                  <td>
                    <code data-testid="fingerprint">{l.ledgerKeyFingerprint}</code>
                    <br />
                    <span className="muted">
                      {t('pinnedAt')} <When date={l.ledgerKeyPinnedAt} />
                    </span>
                  </td>
                  <td>
                    {l.revokedAt ? (
                      <>
                        <span className="badge badge-neutral">{t('statusRevoked')}</span> <When date={l.revokedAt} />
                      </>
                    ) : (
                      <span className="badge badge-ok">{t('statusActive')}</span>
                    )}
                  </td>
                  <td>
                    {l.lastPulledAt ? (
                      <>
                        <When date={l.lastPulledAt} />
                        <br />
                        <span className="muted">{t('lastPullCounts', { ingested: l.lastPullIngested, refused: l.lastPullRefused })}</span>
                      </>
                    ) : (
                      t('never')
                    )}
                  </td>
                  <td>{l.lastPullError ?? t('noError')}</td>
                  <td data-testid="scans-pulled">{l.scansPulled}</td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        )}
      </section>

      {active.length > 0 && (
        <section aria-labelledby="manage-heading" className="panel">
          <h2 id="manage-heading">{t('manageHeading')}</h2>
          <p>{t('manageLead')}</p>
          <ul className="plain-list">
            {active.map((l) => (
              <li key={l.id}>
                <h3>{t('manageOne', { name: l.name, country: l.country })}</h3>
                <PullNowButton id={l.id} name={l.name} />
                <details>
                  <summary>{t('revokeSummary', { name: l.name })}</summary>
                  <RevokePartnerLinkForm id={l.id} name={l.name} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="register-heading" className="panel">
        <h2 id="register-heading">{t('registerHeading')}</h2>
        <p>{t('registerLead')}</p>
        <RegisterPartnerLinkForm />
      </section>
    </>
  );
}
