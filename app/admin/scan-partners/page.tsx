// Platform administrators keep the registry of partner customs administrations that pull scans
// (docs/scans.md "Cross-border exchange"): the list with each key's status and last pull, a form to
// register one, and per active partner a revocation with a reason and a confirmation.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { isPlatformAdmin } from '../../../lib/auth/policy';
import { listScanPartners } from '../../../lib/scans/list-scan-partners';
import { When } from '../../_i18n/when';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { RegisterPartnerForm, RevokePartnerForm } from './partner-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('scanPartners'))('title') };
}
export const dynamic = 'force-dynamic';

export default async function ScanPartnersPage() {
  const [actor, t] = await Promise.all([getActor(), getTranslations('scanPartners')]);
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
  const partners = await listScanPartners({ actor });
  const active = partners.filter((p) => !p.revokedAt);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <section aria-labelledby="partners-heading" className="panel">
        <h2 id="partners-heading">{t('listHeading', { count: partners.length })}</h2>
        {partners.length === 0 ? (
          <EmptyState testId="no-partners">
            <p>{t('empty')}</p>
          </EmptyState>
        ) : (
          <ResultsTable labelledBy="partners-heading" testId="scan-partners">
            <thead>
              <tr>
                <th scope="col">{t('country')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('keyId')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('registeredAt')}</th>
                <th scope="col">{t('lastPull')}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id} data-key-id={p.keyId} data-status={p.revokedAt ? 'revoked' : 'active'}>
                  <td>{p.country}</td>
                  <th scope="row">{p.name}</th>
                  <td>
                    <code>{p.keyId}</code>
                  </td>
                  <td>
                    {p.revokedAt ? (
                      <>
                        <span className="badge badge-neutral">{t('statusRevoked')}</span> <When date={p.revokedAt} />
                      </>
                    ) : (
                      <span className="badge badge-ok">{t('statusActive')}</span>
                    )}
                  </td>
                  <td>
                    <When date={p.createdAt} />
                  </td>
                  <td>{p.lastPullAt ? <When date={p.lastPullAt} /> : t('never')}</td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        )}
      </section>

      <section aria-labelledby="register-heading" className="panel">
        <h2 id="register-heading">{t('registerHeading')}</h2>
        <p>{t('registerLead')}</p>
        <RegisterPartnerForm />
      </section>

      {active.length > 0 && (
        <section aria-labelledby="revoke-heading" className="panel">
          <h2 id="revoke-heading">{t('revokeHeading')}</h2>
          <p>{t('revokeLead')}</p>
          <ul className="plain-list">
            {active.map((p) => (
              <li key={p.id}>
                <details>
                  <summary>{t('revokeSummary', { name: p.name, country: p.country, keyId: p.keyId })}</summary>
                  <RevokePartnerForm id={p.id} name={p.name} keyId={p.keyId} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
