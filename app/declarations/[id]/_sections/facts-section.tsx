import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { TRANSPORT_MODES } from '../../../../lib/declarations/codes';
import { formatDateTime, formatDecimal, orDash, TYPE_LABEL } from '../../_components/format';
import { STATUS_LABEL } from '../../_components/status';
import { whoOf } from './who-of';

/** The declaration's header: type, procedure, offices, terms, transport, values, dates. */
export function FactsSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const who = whoOf(detail);
  return (
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
  );
}
