// The head of a shipment's page: the container, its seal status, declaration and route, the live view,
// the outcome of an acknowledgement and a summary of the open alerts linking to them.
import Link from 'next/link';

import { formatDateTime } from '../../declarations/_components/format';
import { LiveRefresh } from './live-refresh';
import { SealStatusBadge } from './seal-status';
import { shipmentStamp } from '../../../lib/tracking/shipment-stamp';
import { ALERT_LABEL, placeName, type ShipmentView } from './tracking-format';

export function ShipmentHead({ shipment: s, shipmentId, renderedAt, acknowledged, isOfficer }: { shipment: ShipmentView; shipmentId?: string; renderedAt: Date; acknowledged: boolean; isOfficer: boolean }) {
  const openAlerts = s.alerts.filter((a) => !a.acknowledgedAt);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/tracking">Tracking</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            Container <code data-testid="container-number">{s.containerNumber}</code>
          </h1>
          <p className="head-facts" data-testid="shipment-status" data-status={s.status}>
            <SealStatusBadge status={s.status} />
            <span>
              Declaration <Link href={`/declarations/${s.declaration.id}`}>{s.declaration.lrn}</Link>
            </span>
            <span>
              {placeName(s.originLocode)} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> to </span> {placeName(s.destinationLocode)}
            </span>
            {s.closedAt && <span className="badge badge-neutral">Journey closed {formatDateTime(s.closedAt)}</span>}
          </p>
        </div>
        <LiveRefresh renderedAt={renderedAt.toISOString()} stamp={shipmentStamp(s)} containerNumber={s.containerNumber} shipmentId={shipmentId} />
      </div>

      {acknowledged && isOfficer && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>The alert was acknowledged; your note is kept with it.</p>
        </div>
      )}

      {openAlerts.length > 0 && (
        <div className="error" role="note" data-testid="alert-summary">
          <p className="error-title">
            {openAlerts.length === 1 ? 'An alert is open' : `${openAlerts.length} alerts are open`}: {openAlerts.map((a) => ALERT_LABEL[a.kind].toLowerCase()).join(', ')}.
          </p>
          <p>
            <a href="#alerts-heading">{isOfficer ? 'Review and acknowledge them' : 'See the reasons'}</a> below.
          </p>
        </div>
      )}
    </>
  );
}
