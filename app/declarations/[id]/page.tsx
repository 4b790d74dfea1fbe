import { randomUUID } from 'node:crypto';

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { allowedActions, type DeclarationAction } from '../../../lib/declarations/allowed-actions';
import { TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { canFileDeclaration, canReadFilingDetails, canSeeRiskDetails, isFilerRole, isOfficer } from '../../../lib/auth/policy';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { redactStatusHistory } from '../../../lib/declarations/redact-status-history';
import {
  loadCompanies,
  loadContainers,
  loadDutyLines,
  loadGoodsItems,
  loadQueries,
  loadRiskFindings,
  loadStatusChanges,
  loadUsers,
  loadVersions,
} from '../../../lib/declarations/load-declaration-parts';
import { getActor, type Actor } from '../../session';
import type { DoneStep } from '../actions';
import {
  AnswerQueryForm,
  AssessDutiesForm,
  DecideCancellationForm,
  OverrideLaneForm,
  RaiseQueryForm,
  RecordPaymentForm,
  RejectForm,
  ReleaseForm,
  RequestCancellationForm,
  SubmitDraftForm,
} from '../_components/decision-forms';
import { DocumentsSection } from '../_components/documents-section';
import { formatCommodityCode, formatDateTime, formatDecimal, one, orDash, TYPE_LABEL } from '../_components/format';
import { ShipmentsSection } from '../_components/shipments-section';
import { LaneBadge, STATUS_LABEL, StatusBadge } from '../_components/status';
import type { CompanyRow, DutyLineRow, GoodsItemRow } from '../_components/types';

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


/** What `?done=` reports after an action, and whose action it was (a switched user does not see it). */
const DONE_MESSAGES: Record<DoneStep, { by: 'FILER' | 'OFFICER'; text: string }> = {
  submitted: { by: 'FILER', text: 'The declaration was submitted.' },
  amended: { by: 'FILER', text: 'Your amendment was submitted and frozen as version {version}.' },
  answered: { by: 'FILER', text: 'Your answer was sent to customs.' },
  'cancel-requested': { by: 'FILER', text: 'Your cancellation request was sent to customs. An officer decides on it.' },
  'query-raised': { by: 'OFFICER', text: 'Your question was sent to the filer. The declaration waits for the answer.' },
  'lane-changed': { by: 'OFFICER', text: 'The lane was changed; the reason is kept among the risk findings.' },
  'duties-assessed': { by: 'OFFICER', text: 'Duties and taxes were assessed.' },
  paid: { by: 'OFFICER', text: 'The payment was recorded.' },
  released: { by: 'OFFICER', text: 'The goods were released.' },
  rejected: { by: 'OFFICER', text: 'The declaration was rejected.' },
  'cancellation-granted': { by: 'OFFICER', text: 'The cancellation was granted: the declaration is cancelled.' },
  'cancellation-refused': { by: 'OFFICER', text: 'The cancellation request was refused: the declaration is back where it was.' },
};

function doneMessage(done: string | undefined, actor: Actor, version: number): string | null {
  const entry = done && Object.hasOwn(DONE_MESSAGES, done) ? DONE_MESSAGES[done as DoneStep] : null;
  if (!entry) return null;
  const ownRole = entry.by === 'OFFICER' ? isOfficer(actor) : isFilerRole(actor);
  return ownRole ? entry.text.replace('{version}', String(version)) : null;
}

const TAX_LABEL: Record<string, string> = { DUTY: 'Customs duty', EXCISE: 'Excise', VAT: 'VAT' };

/** A rate's base: a value (ad valorem, 2 decimals) or a quantity (specific, as stored). */
function formatBase(line: DutyLineRow): string {
  return line.rate.includes('%') ? line.base.toFixed(2) : line.base.toFixed(3);
}

function DutyTable({ item, lines }: { item: GoodsItemRow; lines: DutyLineRow[] }) {
  const total = lines.slice(1).reduce((acc, l) => acc.add(l.amount), lines[0]!.amount);
  return (
    <div className="duty-item" data-testid={`duties-item-${item.sequence}`}>
      <h3>
        Item {item.sequence}: <code>{formatCommodityCode(item.commodityCode)}</code> {item.description}
      </h3>
      <div className="table-scroll" role="region" aria-label={`Duties and taxes of item ${item.sequence}`} tabIndex={0}>
        <table className="results compact duty-lines">
          <caption className="visually-hidden">Duties and taxes of item {item.sequence}</caption>
          <thead>
            <tr>
              <th scope="col">Tax</th>
              <th scope="col" className="num">
                Base
              </th>
              <th scope="col">Rate</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{TAX_LABEL[l.taxType] ?? l.taxType}</td>
                <td className="num">{formatBase(l)}</td>
                <td>{l.rate}</td>
                <td className="num">{l.amount.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Item {item.sequence} total
              </th>
              <td className="num">{total.toFixed(2)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** One thing a person can do, with its heading (the forms are in decision-forms.tsx). */
function ActionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="action-card" aria-labelledby={`${id}-heading`} data-testid={`action-${id}`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {children}
    </section>
  );
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeclarationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const done = one((await searchParams).done);
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  // Who sees what is lib/auth/policy.ts's: risk details for customs, the filing's exchange for its parties.
  const showRisk = canSeeRiskDetails(actor);
  const showFiling = canReadFilingDetails(actor, d);
  // What this person may do now: the one source for the buttons and forms below.
  const actions = allowedActions(actor, d);
  const can = (action: DeclarationAction) => actions.includes(action);

  const [[items], [containers], [fullHistory], [versions], companies, [findings], [queries]] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadStatusChanges([d.id]),
    loadVersions([d.id]),
    loadCompanies([d.declarantId, d.importerId ?? '', d.exporterId ?? '', d.representativeId ?? ''].filter(Boolean)),
    // Risk findings are customs' own working material (everyone sees the lane).
    showRisk ? loadRiskFindings([d.id]) : Promise.resolve([[]]),
    showFiling ? loadQueries([d.id]) : Promise.resolve([[]]),
  ]);
  const history = redactStatusHistory(actor, d, fullHistory!);
  const dutyLines = await loadDutyLines(items!.map((i) => i.id));
  const companyById = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c]));
  const company = (cid: string | null) => (cid ? (companyById.get(cid) ?? null) : null);
  const userIds = [
    ...new Set(
      [d.createdById, ...history.map((h) => h.actorId), ...versions!.map((v) => v.createdById), ...queries!.flatMap((q) => [q.askedById, q.answeredById])].filter(
        (u): u is string => !!u,
      ),
    ),
  ];
  const users = new Map((await loadUsers(userIds)).filter((u) => u !== null).map((u) => [u.id, u]));
  const who = (uid: string | null) => (uid ? (users.get(uid)?.email ?? 'unknown user') : 'Customs system');

  const isFilerOfThis = canFileDeclaration(actor, d);
  const lastReason = [...history].reverse().find((h) => h.reason && (h.toStatus === 'REJECTED' || h.toStatus === 'QUERY'));
  const openQuery = d.status === 'QUERY' ? ([...queries!].reverse().find((q) => !q.answeredAt) ?? null) : null;
  const cancelRequest = d.status === 'CANCEL_REQUESTED' ? ([...history].reverse().find((h) => h.toStatus === 'CANCEL_REQUESTED') ?? null) : null;
  const message = doneMessage(done, actor, d.version);
  const panelActions = actions.filter((a) => a !== 'ANSWER_QUERY' && a !== 'EDIT_DRAFT');
  const itemsWithDuties = items!.map((item, i) => ({ item, lines: dutyLines[i]! })).filter((x) => x.lines.length > 0);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link>
        {isOfficer(actor) && (
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
            {d.lane && (
              <span data-testid="lane">
                Lane <LaneBadge lane={d.lane} />
              </span>
            )}
            {d.version > 1 && <span className="muted">Version {d.version}</span>}
          </p>
        </div>
      </div>

      {message && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>{message}</p>
        </div>
      )}

      {d.status === 'REJECTED' && lastReason && (
        <div className="error" role="note">
          <p className="error-title">Rejected by customs</p>
          <p>{lastReason.reason}</p>
        </div>
      )}

      {openQuery && (
        <section className="callout" aria-labelledby="open-query-heading" data-testid="open-query">
          <h2 id="open-query-heading">{isFilerOfThis ? 'Customs asks you a question' : 'Open query: waiting for the filer’s answer'}</h2>
          <blockquote className="question" data-testid="open-question">
            {openQuery.question}
          </blockquote>
          <p className="muted">
            Asked <time dateTime={openQuery.askedAt.toISOString()}>{formatDateTime(openQuery.askedAt)}</time> by {who(openQuery.askedById)}
          </p>
          {can('ANSWER_QUERY') && (
            <>
              <AnswerQueryForm id={d.id} />
              {can('AMEND') && (
                <p className="hint">
                  If the declaration itself must change, <Link href={`/declarations/${d.id}/amend`}>amend it</Link> as well: the amendment is frozen as a new version.
                </p>
              )}
            </>
          )}
        </section>
      )}

      {cancelRequest && (
        <div className="callout" role="note" data-testid="cancel-request">
          <p className="error-title">Cancellation requested</p>
          {cancelRequest.reason && <blockquote className="question">{cancelRequest.reason}</blockquote>}
          <p className="muted">
            By {who(cancelRequest.actorId)}, <time dateTime={cancelRequest.at.toISOString()}>{formatDateTime(cancelRequest.at)}</time>. A customs officer grants or refuses it; refused, the
            declaration goes back to {cancelRequest.fromStatus ? STATUS_LABEL[cancelRequest.fromStatus].toLowerCase() : 'where it was'}.
          </p>
        </div>
      )}

      {panelActions.length > 0 && (
        <section aria-labelledby="actions-heading" className="panel" data-testid="actions">
          <h2 id="actions-heading">What you can do</h2>
          <div className="action-cards">
            {can('SUBMIT') && (
              <ActionCard id="submit" title="Submit to customs">
                <SubmitDraftForm id={d.id} idempotencyKey={randomUUID()} canEdit={can('EDIT_DRAFT')} />
              </ActionCard>
            )}
            {can('AMEND') && (
              <ActionCard id="amend" title="Amend the declaration">
                <p className="hint">Change its content before release. Your amendment, with its reason, is frozen as version {d.version + 1}.</p>
                <p>
                  <Link href={`/declarations/${d.id}/amend`} className="button button-secondary">
                    Amend declaration
                  </Link>
                </p>
              </ActionCard>
            )}
            {can('DECIDE_CANCELLATION') && (
              <ActionCard id="decide-cancellation" title="Decide the cancellation request">
                <DecideCancellationForm id={d.id} />
              </ActionCard>
            )}
            {can('ASSESS_DUTIES') && (
              <ActionCard id="assess" title="Assess duties">
                <AssessDutiesForm id={d.id} />
              </ActionCard>
            )}
            {can('RECORD_PAYMENT') && d.dutyTotal !== null && (
              <ActionCard id="payment" title="Record the payment">
                <RecordPaymentForm id={d.id} amount={d.dutyTotal.toFixed(2)} />
              </ActionCard>
            )}
            {can('RELEASE') && (
              <ActionCard id="release" title="Release">
                <ReleaseForm id={d.id} hint={d.status === 'PAID' ? 'Duties are paid: the goods may leave customs control.' : 'Nothing is due: the goods may leave customs control.'} />
              </ActionCard>
            )}
            {can('RAISE_QUERY') && (
              <ActionCard id="query" title="Ask the filer">
                <RaiseQueryForm id={d.id} />
              </ActionCard>
            )}
            {can('OVERRIDE_LANE') && (
              <ActionCard id="lane" title="Change the lane">
                <OverrideLaneForm id={d.id} current={d.lane} />
              </ActionCard>
            )}
            {can('REQUEST_CANCELLATION') && (
              <ActionCard id="cancel" title="Ask customs to cancel">
                <RequestCancellationForm id={d.id} />
              </ActionCard>
            )}
            {can('REJECT') && (
              <ActionCard id="reject" title="Reject">
                <RejectForm id={d.id} />
              </ActionCard>
            )}
          </div>
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

      {d.lane && (
        <section aria-labelledby="risk-heading" data-testid="risk">
          <h2 id="risk-heading">Risk assessment</h2>
          <p>
            Lane <LaneBadge lane={d.lane} />
            {showRisk && d.riskScore !== null ? `, score ${d.riskScore}` : ''}. {d.lane === 'GREEN' ? 'No control: duties are assessed at once.' : d.lane === 'YELLOW' ? 'Documentary check.' : 'Physical inspection.'}
          </p>
          {showRisk &&
            (findings!.length > 0 ? (
              <ul className="findings" data-testid="findings">
                {findings!.map((f) => (
                  <li key={f.id}>
                    <span className="finding-weight">+{f.weight}</span> {f.reason} <code className="muted">{f.ruleKey}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">No risk rule fired.</p>
            ))}
        </section>
      )}

      {d.status !== 'DRAFT' && (
        <section aria-labelledby="duties-heading" data-testid="duties">
          <h2 id="duties-heading">Duties and taxes</h2>
          {d.dutyTotal === null ? (
            <p className="empty">Not assessed yet: customs assesses duties and taxes {d.lane === 'GREEN' ? 'on acceptance' : 'after its control'}.</p>
          ) : (
            <>
              {itemsWithDuties.map(({ item, lines }) => (
                <DutyTable key={item.id} item={item} lines={lines} />
              ))}
              <p className="duty-total">
                Total duties and taxes: <strong data-testid="duty-total">{d.dutyTotal.toFixed(2)}</strong> <span className="muted">(national currency)</span>
              </p>
              {d.paidAt ? (
                <p data-testid="payment">
                  Paid <time dateTime={d.paidAt.toISOString()}>{formatDateTime(d.paidAt)}</time>
                  {d.paymentReference && (
                    <>
                      , reference <code>{d.paymentReference}</code>
                    </>
                  )}
                  .
                </p>
              ) : d.status === 'DUTY_ASSESSED' && !d.dutyTotal.isZero() ? (
                <p className="muted" data-testid="payment">
                  Not paid yet: customs records the payment, then releases the goods.
                </p>
              ) : null}
            </>
          )}
        </section>
      )}

      {d.status !== 'DRAFT' && showFiling && (
        <section aria-labelledby="queries-heading" data-testid="queries">
          <h2 id="queries-heading">Customs queries</h2>
          {queries!.length === 0 ? (
            <p className="empty">Customs has asked no questions about this declaration.</p>
          ) : (
            <ol className="queries">
              {queries!.map((q) => (
                <li key={q.id}>
                  <div className="query-question">
                    <p className="query-meta">
                      <strong>Question</strong> from {who(q.askedById)} · <time dateTime={q.askedAt.toISOString()}>{formatDateTime(q.askedAt)}</time>
                    </p>
                    <p>{q.question}</p>
                  </div>
                  {q.answeredAt ? (
                    <div className="query-answer">
                      <p className="query-meta">
                        <strong>Answer</strong> from {who(q.answeredById)} · <time dateTime={q.answeredAt.toISOString()}>{formatDateTime(q.answeredAt)}</time>
                      </p>
                      <p>{q.answer}</p>
                    </div>
                  ) : (
                    <p className="muted query-waiting">Not answered yet.</p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {showFiling && <DocumentsSection actor={actor} declaration={d} />}

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

      <ShipmentsSection actor={actor} declarationId={d.id} />

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
            {history.map((h) => (
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
