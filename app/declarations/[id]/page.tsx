import { randomUUID } from 'node:crypto';

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { canTransition } from '../../../lib/declarations/lifecycle';
import {
  loadCompanies,
  loadContainers,
  loadGoodsItems,
  loadRiskFindings,
  loadStatusChanges,
  loadUsers,
  loadVersions,
} from '../../../lib/declarations/load-declaration-parts';
import { getActor } from '../../acting-user';
import { RejectForm, ReleaseForm, SubmitDraftForm } from '../_components/decision-forms';
import { formatCommodityCode, formatDateTime, formatDecimal, orDash, TYPE_LABEL } from '../_components/format';
import { LaneBadge, STATUS_LABEL, StatusBadge } from '../_components/status';
import type { CompanyRow } from '../_components/types';

export const metadata: Metadata = { title: 'Declaration' };
export const dynamic = 'force-dynamic';

function Party({ role, company }: { role: string; company: CompanyRow | null }) {
  return (
    <li className="card party">
      <h3>{role}</h3>
      {company ? (
        <p>
          <strong>{company.name}</strong>
          <br />
          EORI <code>{company.eori}</code>
          <br />
          {company.street}, {company.postcode ? `${company.postcode} ` : ''}
          {company.city}, {company.country}
        </p>
      ) : (
        <p className="muted">Not given</p>
      )}
    </li>
  );
}

export default async function DeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  const isOfficer = actor.role === 'OFFICER';
  const [[items], [containers], [history], [versions], companies, [findings]] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadStatusChanges([d.id]),
    loadVersions([d.id]),
    loadCompanies([d.declarantId, d.importerId ?? '', d.exporterId ?? '', d.representativeId ?? ''].filter(Boolean)),
    // Risk findings are customs' own working material: officers only.
    isOfficer ? loadRiskFindings([d.id]) : Promise.resolve([[]]),
  ]);
  const companyById = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c]));
  const company = (cid: string | null) => (cid ? (companyById.get(cid) ?? null) : null);
  const userIds = [...new Set([d.createdById, ...history!.map((h) => h.actorId), ...versions!.map((v) => v.createdById)].filter((u): u is string => !!u))];
  const users = new Map((await loadUsers(userIds)).filter((u) => u !== null).map((u) => [u.id, u]));
  const who = (uid: string | null) => (uid ? (users.get(uid)?.email ?? 'unknown user') : 'Customs system');

  const isFilerOfThis = (actor.role === 'TRADER' || actor.role === 'BROKER') && actor.companyId === d.declarantId;
  const canSubmit = d.status === 'DRAFT' && isFilerOfThis;
  // Release after payment, or straight from duty assessment when nothing is due (decideDeclaration checks).
  const canRelease = isOfficer && (d.status === 'PAID' || (d.status === 'DUTY_ASSESSED' && d.dutyTotal !== null && d.dutyTotal.isZero()));
  const canReject = isOfficer && d.status !== 'SUBMITTED' && canTransition(d.status, 'REJECTED');
  const lastReason = [...history!].reverse().find((h) => h.reason && (h.toStatus === 'REJECTED' || h.toStatus === 'QUERY'));

  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link>
        {isOfficer && (
          <>
            {' · '}
            <Link href="/officer">Officer queue</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <div>
          <h1>
            Declaration <span data-testid="lrn">{d.lrn}</span>
          </h1>
          <p className="head-facts" data-testid="current-status" data-status={d.status}>
            <StatusBadge status={d.status} />
            {d.mrn ? (
              <span>
                MRN <code data-testid="mrn">{d.mrn}</code>
              </span>
            ) : (
              <span className="muted">No MRN yet: it is assigned when customs accepts the declaration.</span>
            )}
          </p>
        </div>
      </div>

      {d.status === 'REJECTED' && lastReason && (
        <div className="error" role="note">
          <p className="error-title">Rejected by customs</p>
          <p>{lastReason.reason}</p>
        </div>
      )}

      {(canSubmit || canRelease || canReject) && (
        <section aria-labelledby="actions-heading" className="panel">
          <h2 id="actions-heading">What you can do</h2>
          {canSubmit && <SubmitDraftForm id={d.id} idempotencyKey={randomUUID()} />}
          {canRelease && <ReleaseForm id={d.id} hint={d.status === 'PAID' ? 'Duties are paid: the goods may leave customs control.' : 'Nothing is due: the goods may leave customs control.'} />}
          {canReject && <RejectForm id={d.id} />}
        </section>
      )}
      {d.status === 'DRAFT' && !isFilerOfThis && <p className="notice">This is a draft: only the declarant company can edit and submit it.</p>}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Declaration</h2>
        <dl className="facts">
          <div>
            <dt>Type</dt>
            <dd>
              {d.type} {TYPE_LABEL[d.type]}, additional type {d.additionalType}
            </dd>
          </div>
          <div>
            <dt>Procedure</dt>
            <dd>
              {orDash(d.procedureCode)}
              {d.additionalProcedure ? ` / ${d.additionalProcedure}` : ''}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{STATUS_LABEL[d.status]}</dd>
          </div>
          <div>
            <dt>Risk lane</dt>
            <dd>
              <LaneBadge lane={d.lane} />
              {d.riskScore !== null ? ` (score ${d.riskScore})` : ''}
            </dd>
          </div>
          <div>
            <dt>Office of declaration</dt>
            <dd>{orDash(d.officeOfDeclaration)}</dd>
          </div>
          <div>
            <dt>Office of entry</dt>
            <dd>{orDash(d.officeOfEntry)}</dd>
          </div>
          {d.officeOfExit && (
            <div>
              <dt>Office of exit</dt>
              <dd>{d.officeOfExit}</dd>
            </div>
          )}
          <div>
            <dt>Incoterms</dt>
            <dd>{d.incoterm ? `${d.incoterm} ${d.incotermPlace ?? ''}` : '—'}</dd>
          </div>
          <div>
            <dt>Mode of transport</dt>
            <dd>{d.transportMode !== null ? `${d.transportMode} ${TRANSPORT_MODES[d.transportMode] ?? ''}` : '—'}</dd>
          </div>
          <div>
            <dt>Transport document</dt>
            <dd>{orDash(d.transportDocument)}</dd>
          </div>
          <div>
            <dt>Invoice</dt>
            <dd>{d.invoiceAmount ? `${d.invoiceCurrency ?? ''} ${formatDecimal(d.invoiceAmount, 2)}` : '—'}</dd>
          </div>
          <div>
            <dt>Exchange rate</dt>
            <dd>{d.exchangeRate ? String(d.exchangeRate) : '—'}</dd>
          </div>
          <div>
            <dt>Freight / insurance</dt>
            <dd>
              {formatDecimal(d.freight, 2)} / {formatDecimal(d.insurance, 2)}
            </dd>
          </div>
          <div>
            <dt>Packages / gross mass</dt>
            <dd>
              {orDash(d.totalPackages)} / {d.grossMass ? `${formatDecimal(d.grossMass, 3)} kg` : '—'}
            </dd>
          </div>
          <div>
            <dt>Duties and taxes</dt>
            <dd>{d.dutyTotal !== null ? formatDecimal(d.dutyTotal, 2) : <span className="muted">Not assessed yet</span>}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>{d.version}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              {formatDateTime(d.createdAt)} by {who(d.createdById)}
            </dd>
          </div>
          <div>
            <dt>Submitted</dt>
            <dd>{formatDateTime(d.submittedAt)}</dd>
          </div>
          {d.releasedAt && (
            <div>
              <dt>Released</dt>
              <dd>{formatDateTime(d.releasedAt)}</dd>
            </div>
          )}
        </dl>
      </section>

      {isOfficer && findings!.length > 0 && (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">Risk findings</h2>
          <ul className="findings">
            {findings!.map((f) => (
              <li key={f.id}>
                <span className="finding-weight">+{f.weight}</span> {f.reason} <code className="muted">{f.ruleKey}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">Parties</h2>
        <ul className="cards parties">
          <Party role="Declarant" company={company(d.declarantId)} />
          <Party role="Importer" company={company(d.importerId)} />
          <Party role="Exporter" company={company(d.exporterId)} />
          {d.representativeId && <Party role={`Representative (${d.representationStatus?.toLowerCase() ?? '—'})`} company={company(d.representativeId)} />}
        </ul>
      </section>

      <section aria-labelledby="containers-heading">
        <h2 id="containers-heading">Containers</h2>
        {containers!.length === 0 ? (
          <p className="empty">No containers declared.</p>
        ) : (
          <table className="results compact">
            <caption className="visually-hidden">Containers and their seals</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Container</th>
                <th scope="col">Seals</th>
              </tr>
            </thead>
            <tbody>
              {containers!.map((c) => (
                <tr key={c.id}>
                  <td>{c.sequence}</td>
                  <td>
                    <code>{c.containerNumber}</code>
                  </td>
                  <td>{c.seals.length ? c.seals.join(', ') : <span className="muted">No seals</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Goods items</h2>
        {items!.length === 0 ? (
          <p className="empty">No goods items yet.</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Goods items" tabIndex={0}>
            <table className="results" data-testid="items-table">
              <caption className="visually-hidden">Goods items</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Commodity code</th>
                  <th scope="col">Description</th>
                  <th scope="col">Origin</th>
                  <th scope="col" className="num">
                    Packages
                  </th>
                  <th scope="col" className="num">
                    Gross / net kg
                  </th>
                  <th scope="col" className="num">
                    Price ({d.invoiceCurrency ?? '—'})
                  </th>
                  <th scope="col" className="num">
                    Customs value
                  </th>
                </tr>
              </thead>
              <tbody>
                {items!.map((item) => (
                  <tr key={item.id}>
                    <td>{item.sequence}</td>
                    <td>
                      <code>{formatCommodityCode(item.commodityCode)}</code>
                    </td>
                    <td>{item.description}</td>
                    <td>{item.originCountry}</td>
                    <td className="num">
                      {item.packageCount} {item.packageKind}
                    </td>
                    <td className="num">
                      {formatDecimal(item.grossMass, 3)} / {formatDecimal(item.netMass, 3)}
                    </td>
                    <td className="num">{formatDecimal(item.itemPrice, 2)}</td>
                    <td className="num">{item.customsValue ? formatDecimal(item.customsValue, 2) : <span className="muted">On submission</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Status history</h2>
          <ol className="timeline" data-testid="timeline">
            {history!.map((h) => (
              <li key={String(h.id)}>
                <p>
                  <StatusBadge status={h.toStatus} />{' '}
                  <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time>
                </p>
                <p className="muted">
                  {h.fromStatus ? `From ${STATUS_LABEL[h.fromStatus].toLowerCase()}, by ` : 'Created by '}
                  {who(h.actorId)}
                </p>
                {h.reason && <blockquote className="reason">{h.reason}</blockquote>}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">Versions</h2>
          {versions!.length === 0 ? (
            <p className="empty">No frozen version yet: the declaration is frozen as version 1 when it is submitted.</p>
          ) : (
            <ol className="versions">
              {versions!.map((v) => (
                <li key={v.id}>
                  <p>
                    <strong>Version {v.version}</strong> · <time dateTime={v.createdAt.toISOString()}>{formatDateTime(v.createdAt)}</time>
                  </p>
                  <p>
                    SHA-256{' '}
                    <code title={v.sha256} data-testid="version-sha">
                      {v.sha256.slice(0, 16)}…
                    </code>
                  </p>
                  <p className="muted">
                    {orDash(v.reason)} by {who(v.createdById)}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
