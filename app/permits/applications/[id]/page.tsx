// One permit application as its reader sees it: the filer (status, the agency's question to answer,
// the decision, the certificate), or an officer of its agency (the goods from the declaration, the
// internal note, the decision form). Anyone else gets "not found" (lib/permits/get-permit-application).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { canReadAgencyNotes, isAgencyOfficer } from '../../../../lib/auth/policy';
import { loadCompanies } from '../../../../lib/declarations/load-declaration-parts';
import { getPermitApplication } from '../../../../lib/permits/get-permit-application';
import { loadAgencies, loadPermitRules, loadPermitsOfApplications } from '../../../../lib/permits/load-permit-parts';
import { documentName } from '../../../../lib/permits/permit-codes';
import { ResultsTable } from '../../../_components/list/list-parts';
import { getActor } from '../../../session';
import { AnswerQueryForm, DecideForm, SubmitApplicationForm } from '../../_components/permit-forms';
import { day, PermitBadge, qty, when, type PermitGood } from '../../_components/permit-format';
import { waitingHours } from '../../_components/applications-table';

export const metadata: Metadata = { title: 'Permit application' };
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
  const actor = await getActor();
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
      <p className="breadcrumb">{decider ? <Link href="/agency">Agency queue</Link> : <Link href="/permits">Permit applications</Link>}</p>
      <h1>
        Application {a.number} <PermitBadge status={a.status} testId="application-status" />
      </h1>
      {done === 'applied' && (
        <p role="status" className="notice notice-success">
          {a.status === 'DRAFT' ? 'Application saved as a draft.' : `Application submitted to ${agency?.name ?? 'the agency'}.`}
        </p>
      )}
      <dl className="facts" data-testid="application-facts">
        <dt>For</dt>
        <dd>
          {documentName(a.documentCode)} ({a.documentCode}) of {agency?.name} ({agency?.code})
        </dd>
        {rule && (
          <>
            <dt>Why</dt>
            <dd>
              {rule.reason} <span className="hint">({rule.legalBasis}; rule {rule.key}, version {a.ruleVersion})</span>
            </dd>
          </>
        )}
        <dt>Applicant</dt>
        <dd>{applicant ? `${applicant.name} (${applicant.eori})` : '—'}</dd>
        {counterparty && (
          <>
            <dt>Counterparty</dt>
            <dd>
              {counterparty.name} ({counterparty.eori}, {counterparty.country})
            </dd>
          </>
        )}
        <dt>Declaration</dt>
        <dd>{a.declarationId ? filer ? <Link href={`/declarations/${a.declarationId}`}>Applied from a declaration</Link> : 'Applied from a declaration' : 'Standalone (may serve several declarations)'}</dd>
        {a.requestedQuantity && (
          <>
            <dt>Quantity applied for</dt>
            <dd>{qty(a.requestedQuantity, a.quantityUnit)}</dd>
          </>
        )}
        <dt>Submitted</dt>
        <dd>
          {when(a.submittedAt)}
          {hours !== null && <> — waiting {hours} h</>}
        </dd>
        {a.purpose && (
          <>
            <dt>Applicant’s note</dt>
            <dd>{a.purpose}</dd>
          </>
        )}
      </dl>

      <h2 id="goods-heading">Goods</h2>
      <ResultsTable labelledBy="goods-heading" testId="application-goods">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Commodity code</th>
            <th scope="col">Description</th>
            <th scope="col">Origin</th>
            <th scope="col">Net mass (kg)</th>
            <th scope="col">Quantity</th>
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
          <h2 id="info-heading">Information requested</h2>
          <p>
            <strong>{agency?.code} asked:</strong> {a.infoRequest}
          </p>
          {a.infoAnswer ? (
            <p>
              <strong>Answer:</strong> {a.infoAnswer}
            </p>
          ) : (
            <p className="hint">Not answered yet.</p>
          )}
          {filer && a.status === 'INFO_REQUESTED' && <AnswerQueryForm id={a.id} />}
        </section>
      )}

      {(a.status === 'APPROVED' || a.status === 'REJECTED') && (
        <section aria-labelledby="decision-heading" className="panel" data-testid="decision">
          <h2 id="decision-heading">Decision</h2>
          <p>
            <PermitBadge status={a.status} /> on {when(a.decidedAt)}
            {a.decisionReason && <>: {a.decisionReason}</>}
          </p>
          {permit && (
            <p data-testid="issued-permit">
              Permit <Link href={`/permits/held/${permit.id}`}>{permit.number}</Link>, valid {day(permit.validFrom)} to {day(permit.validUntil)}
              {permit.totalQuantity !== null && <> for {qty(permit.totalQuantity, permit.quantityUnit)}</>}.{' '}
              <a href={`/api/permits/${permit.id}/certificate.pdf`} data-testid="certificate-link">
                Certificate (PDF)
              </a>
            </p>
          )}
        </section>
      )}

      {canReadAgencyNotes(actor, a.agencyId) && a.agencyNote && (
        <section aria-labelledby="note-heading" className="panel">
          <h2 id="note-heading">Internal note</h2>
          <p>{a.agencyNote}</p>
        </section>
      )}

      {filer && a.status === 'DRAFT' && (
        <section aria-labelledby="submit-heading" className="panel">
          <h2 id="submit-heading">Not sent yet</h2>
          <SubmitApplicationForm id={a.id} />
        </section>
      )}
      {decider && (a.status === 'SUBMITTED' || a.status === 'UNDER_REVIEW') && (
        <section aria-labelledby="decide-heading" className="panel">
          <h2 id="decide-heading">Decide</h2>
          <DecideForm id={a.id} quantityUnit={a.quantityUnit} requestedQuantity={a.requestedQuantity ? qty(a.requestedQuantity) : null} defaultValidUntil={daysFromNow(validityDays)} />
        </section>
      )}
      {decider && a.status === 'INFO_REQUESTED' && <p className="notice">Waiting for the applicant’s answer.</p>}
    </>
  );
}
