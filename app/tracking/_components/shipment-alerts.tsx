// The shipment's alerts, newest first: each with its reason, and its acknowledgement or (for an
// officer) the form to acknowledge it.
import { formatDateTime } from '../../declarations/_components/format';
import { AcknowledgeAlertForm } from './acknowledge-alert-form';
import { ALERT_LABEL, type AlertView, type ShipmentView } from './tracking-format';

interface AlertContext {
  isOfficer: boolean;
  /** Email of who acknowledged, by user id. */
  acknowledgedBy: Record<string, string>;
  containerNumber: string;
  shipmentId?: string;
}

function Alert({ alert, isOfficer, acknowledgedBy, containerNumber, shipmentId }: AlertContext & { alert: AlertView }) {
  const open = !alert.acknowledgedAt;
  const who = alert.acknowledgedById ? (acknowledgedBy[alert.acknowledgedById] ?? 'unknown user') : '—';
  return (
    <li className={open ? 'alert-item alert-open' : 'alert-item'} data-testid="alert" data-alert-kind={alert.kind} data-open={open}>
      <p className="alert-head">
        <span className={`badge ${open ? 'badge-bad' : 'badge-neutral'}`}>{ALERT_LABEL[alert.kind]}</span>{' '}
        <span className="muted">
          raised <time dateTime={alert.raisedAt.toISOString()}>{formatDateTime(alert.raisedAt)}</time>
        </span>
        {!open && <span className="badge badge-ok">Acknowledged</span>}
      </p>
      <p className="alert-reason">{alert.reason}</p>
      {alert.acknowledgedAt ? (
        <div className="acknowledgement" data-testid="acknowledgement">
          <p className="query-meta">
            <strong>Acknowledged</strong> by {who} · <time dateTime={alert.acknowledgedAt.toISOString()}>{formatDateTime(alert.acknowledgedAt)}</time>
          </p>
          <p>{alert.acknowledgementNote}</p>
        </div>
      ) : isOfficer ? (
        <AcknowledgeAlertForm alertId={alert.id} containerNumber={containerNumber} shipmentId={shipmentId} />
      ) : (
        <p className="muted">Not acknowledged yet: customs reviews the alert.</p>
      )}
    </li>
  );
}

export function ShipmentAlerts({ shipment, ...context }: Omit<AlertContext, 'containerNumber'> & { shipment: ShipmentView }) {
  return (
    <section aria-labelledby="alerts-heading" data-testid="alerts">
      <h2 id="alerts-heading">Alerts</h2>
      {shipment.alerts.length === 0 ? (
        <p className="empty">No alert: every seal event so far fits the declaration and the route.</p>
      ) : (
        <ol className="alerts">
          {shipment.alerts.map((a) => (
            <Alert key={a.id} alert={a} containerNumber={shipment.containerNumber} {...context} />
          ))}
        </ol>
      )}
    </section>
  );
}
