// One permit application as its reader sees it: the filer (status, the agency's question to answer,
// the decision, the certificate), or an officer of its agency (the goods from the declaration, the
// internal note, the decision form). Anyone else gets "not found" (lib/permits/get-permit-application).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { canReadAgencyNotes, isAgencyOfficer } from '../../../../lib/auth/policy';
import { loadCompanies } from '../../../../lib/declarations/load-declaration-parts';
import { getPermitApplication } from '../../../../lib/permits/get-permit-application';
import { loadAgencies, loadPermitRules, loadPermitsOfApplications } from '../../../../lib/permits/load-permit-parts';
import { documentName } from '../../../../lib/permits/permit-codes';
import { ResultsTable } from '../../../_components/list/list-parts';
import { When } from '../../../_i18n/when';
import { getActor } from '../../../session';
import { AnswerQueryForm, DecideForm, SubmitApplicationForm } from '../../_components/permit-forms';
import { day, PermitBadge, qty, type PermitGood } from '../../_components/permit-format';
import { waitingHours } from '../../_components/applications-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('applicationTitle') };
}
export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The default end of validity: the rule's validity days from today. */
function daysFromNow(days: number): string {
  return day(new Date(Date.now() + days * 86_400_000));
}

export default async function PermitApplicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const done = (await searchParams).done;
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  const a = await getPermitApplication({ actor, id });
  if (!a) notFound();
  const [[agency], [rule], [permit], [applicant]] = await Promise.all([loadAgencies([a.agencyId]), loadPermitRules(a.ruleId ? [a.ruleId] : []), loadPermitsOfApplications([a.id]), loadCompanies([a.applicantId])]);
  const goods = a.goods as unknown as PermitGood[];
  const counterparty = a.counterparty as { eori: string; name: string; country: string } | null;
  const filer = actor.companyId !== null && (actor.companyId === a.applicantId || actor.companyId === a.filerCompanyId);
  const decider = isAgencyOfficer(actor) && actor.agencyId === a.agencyId;
  const hours = waitingHours(a);
  const validityDays = rule?.validityDays ?? 365;
  return (
    <>
      <p className="breadcrumb">{decider ? <Link href="/agency">{t('agencyQueue')}</Link> : <Link href="/permits">{t('applicationsTitle')}</Link>}</p>
      <h1>
        {t('applicationHeading', { number: a.number })} <PermitBadge status={a.status} testId="application-status" />
      </h1>
      {done === 'applied' && (
        <p role="status" className="notice notice-success">
          {a.status === 'DRAFT' ? t('savedDraft') : t('submittedTo', { agency: agency?.name ?? 'none' })}
        </p>
      )}
      <dl className="facts" data-testid="application-facts">
        <dt>{t('colFor')}</dt>
        <dd>
          {t('documentOfAgency', { document: documentName(a.documentCode), code: a.documentCode, agency: agency?.name ?? '—', agencyCode: agency?.code ?? '—' })}
        </dd>
        {rule && (
          <>
            <dt>{t('why')}</dt>
            <dd>
              {rule.reason} <span className="hint">{t('ruleBasis', { legalBasis: rule.legalBasis, key: rule.key, version: a.ruleVersion ?? '—' })}</span>
            </dd>
          </>
        )}
        <dt>{t('applicant')}</dt>
        <dd>{applicant ? `${applicant.name} (${applicant.eori})` : '—'}</dd>
        {counterparty && (
          <>
            <dt>{t('counterparty')}</dt>
            <dd>
              {counterparty.name} ({counterparty.eori}, {counterparty.country})
            </dd>
          </>
        )}
        <dt>{t('declaration')}</dt>
        <dd>{a.declarationId ? filer ? <Link href={`/declarations/${a.declarationId}`}>{t('fromDeclaration')}</Link> : t('fromDeclaration') : t('standalone')}</dd>
        {a.requestedQuantity && (
          <>
            <dt>{t('quantityAppliedFor')}</dt>
            <dd>{qty(a.requestedQuantity, a.quantityUnit)}</dd>
          </>
        )}
        <dt>{t('submitted')}</dt>
        <dd>
          <When date={a.submittedAt} />
          {hours !== null && <> — {t('waitingHours', { hours })}</>}
        </dd>
        {a.purpose && (
          <>
            <dt>{t('applicantNote')}</dt>
            <dd>{a.purpose}</dd>
          </>
        )}
      </dl>

      <h2 id="goods-heading">{t('goods')}</h2>
      <ResultsTable labelledBy="goods-heading" testId="application-goods">
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('commodityCode')}</th>
            <th scope="col">{t('description')}</th>
            <th scope="col">{t('origin')}</th>
            <th scope="col">{t('netMass')}</th>
            <th scope="col">{t('quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {goods.map((g, n) => (
            <tr key={n}>
              <td>{g.itemSequence ?? '—'}</td>
              <td>{g.commodityCode}</td>
              <td>{g.description}</td>
              <td>{g.originCountry}</td>
              <td>{qty(g.netMass)}</td>
              <td>{qty(g.quantity, g.unit)}</td>
            </tr>
          ))}
        </tbody>
      </ResultsTable>

      {(a.infoRequest || a.infoAnswer) && (
        <section aria-labelledby="info-heading" className="panel" data-testid="info-request">
          <h2 id="info-heading">{t('infoRequested')}</h2>
          <p>
            <strong>{t('agencyAsked', { agency: agency?.code ?? '—' })}</strong> {a.infoRequest}
          </p>
          {a.infoAnswer ? (
            <p>
              <strong>{t('answerLabel')}</strong> {a.infoAnswer}
            </p>
          ) : (
            <p className="hint">{t('notAnswered')}</p>
          )}
          {filer && a.status === 'INFO_REQUESTED' && <AnswerQueryForm id={a.id} />}
        </section>
      )}

      {(a.status === 'APPROVED' || a.status === 'REJECTED') && (
        <section aria-labelledby="decision-heading" className="panel" data-testid="decision">
          <h2 id="decision-heading">{t('decision')}</h2>
          <p>
            <PermitBadge status={a.status} /> {t.rich('decidedOn', { when: () => <When date={a.decidedAt} /> })}
            {a.decisionReason && <>: {a.decisionReason}</>}
          </p>
          {permit && (
            <p data-testid="issued-permit">
              {t.rich('issuedPermit', {
                link: () => <Link href={`/permits/held/${permit.id}`}>{permit.number}</Link>,
                from: day(permit.validFrom),
                until: day(permit.validUntil),
                quantity: permit.totalQuantity !== null ? qty(permit.totalQuantity, permit.quantityUnit) : 'none',
              })}{' '}
              <a href={`/api/permits/${permit.id}/certificate.pdf`} data-testid="certificate-link">
                {t('certificatePdf')}
              </a>
            </p>
          )}
        </section>
      )}

      {canReadAgencyNotes(actor, a.agencyId) && a.agencyNote && (
        <section aria-labelledby="note-heading" className="panel">
          <h2 id="note-heading">{t('internalNote')}</h2>
          <p>{a.agencyNote}</p>
        </section>
      )}

      {filer && a.status === 'DRAFT' && (
        <section aria-labelledby="submit-heading" className="panel">
          <h2 id="submit-heading">{t('notSent')}</h2>
          <SubmitApplicationForm id={a.id} />
        </section>
      )}
      {decider && (a.status === 'SUBMITTED' || a.status === 'UNDER_REVIEW') && (
        <section aria-labelledby="decide-heading" className="panel">
          <h2 id="decide-heading">{t('decide')}</h2>
          <DecideForm id={a.id} quantityUnit={a.quantityUnit} requestedQuantity={a.requestedQuantity ? qty(a.requestedQuantity) : null} defaultValidUntil={daysFromNow(validityDays)} />
        </section>
      )}
      {decider && a.status === 'INFO_REQUESTED' && <p className="notice">{t('waitingAnswer')}</p>}
    </>
  );
}
