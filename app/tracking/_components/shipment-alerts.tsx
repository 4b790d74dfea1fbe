// The shipment's alerts, newest first: each with its reason, and its acknowledgement or (for an
// officer) the form to acknowledge it.
import { useTranslations } from 'next-intl';

import { When } from '../../_i18n/when';
import { AcknowledgeAlertForm } from './acknowledge-alert-form';
import type { AlertView, ShipmentView } from './tracking-format';

interface AlertContext {
  isOfficer: boolean;
  /** Email of who acknowledged, by user id. */
  acknowledgedBy: Record<string, string>;
  containerNumber: string;
  shipmentId?: string;
}

function Alert({ alert, isOfficer, acknowledgedBy, containerNumber, shipmentId }: AlertContext & { alert: AlertView }) {
  const t = useTranslations('tracking');
  const open = !alert.acknowledgedAt;
  const who = alert.acknowledgedById ? (acknowledgedBy[alert.acknowledgedById] ?? t('unknownUser')) : '—';
  return (
    <li className={open ? 'alert-item alert-open' : 'alert-item'} data-testid="alert" data-alert-kind={alert.kind} data-open={open}>
      <p className="alert-head">
        <span className={`badge ${open ? 'badge-bad' : 'badge-neutral'}`}>{t(`alertKind.${alert.kind}`)}</span>{' '}
        <span className="muted">
          {t.rich('raised', { when: () => <When date={alert.raisedAt} /> })}
        </span>
        {!open && <span className="badge badge-ok">{t('acknowledged')}</span>}
      </p>
      <p className="alert-reason">{alert.reason}</p>
      {alert.acknowledgedAt ? (
        <div className="acknowledgement" data-testid="acknowledgement">
          <p className="query-meta">
            {t.rich('acknowledgedBy', { strong: (chunks) => <strong>{chunks}</strong>, who, when: () => <When date={alert.acknowledgedAt} /> })}
          </p>
          <p>{alert.acknowledgementNote}</p>
        </div>
      ) : isOfficer ? (
        <AcknowledgeAlertForm alertId={alert.id} containerNumber={containerNumber} shipmentId={shipmentId} />
      ) : (
        <p className="muted">{t('notAcknowledged')}</p>
      )}
    </li>
  );
}

export function ShipmentAlerts({ shipment, ...context }: Omit<AlertContext, 'containerNumber'> & { shipment: ShipmentView }) {
  const t = useTranslations('tracking');
  return (
    <section aria-labelledby="alerts-heading" data-testid="alerts">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      {shipment.alerts.length === 0 ? (
        <p className="empty">{t('noAlert')}</p>
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
