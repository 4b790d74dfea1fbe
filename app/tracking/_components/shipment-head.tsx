// The head of a shipment's page: the container, its seal status, declaration and route, the live view,
// the outcome of an acknowledgement and a summary of the open alerts linking to them.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import { When } from '../../_i18n/when';
import { LiveRefresh } from './live-refresh';
import { SealStatusBadge } from './seal-status';
import { shipmentStamp } from '../../../lib/tracking/shipment-stamp';
import { placeName, type ShipmentView } from './tracking-format';

export function ShipmentHead({ shipment: s, shipmentId, renderedAt, acknowledged, isOfficer }: { shipment: ShipmentView; shipmentId?: string; renderedAt: Date; acknowledged: boolean; isOfficer: boolean }) {
  const t = useTranslations('tracking');
  const openAlerts = s.alerts.filter((a) => !a.acknowledgedAt);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/tracking">{t('title')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            {t.rich('containerHeading', { code: () => <code data-testid="container-number">{s.containerNumber}</code> })}
          </h1>
          <p className="head-facts" data-testid="shipment-status" data-status={s.status}>
            <SealStatusBadge status={s.status} />
            <span>
              {t.rich('declarationLink', { link: () => <Link href={`/declarations/${s.declaration.id}`}>{s.declaration.lrn}</Link> })}
            </span>
            <span>
              {placeName(s.originLocode)} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t('routeTo')} </span> {placeName(s.destinationLocode)}
            </span>
            {s.closedAt && <span className="badge badge-neutral">{t.rich('journeyClosed', { when: () => <When date={s.closedAt} /> })}</span>}
          </p>
        </div>
        <LiveRefresh renderedAt={renderedAt.toISOString()} stamp={shipmentStamp(s)} containerNumber={s.containerNumber} shipmentId={shipmentId} />
      </div>

      {acknowledged && isOfficer && (
        <div className="notice notice-success" role="status" data-testid="done">
          <p>{t('ackDone')}</p>
        </div>
      )}

      {openAlerts.length > 0 && (
        <div className="error" role="note" data-testid="alert-summary">
          <p className="error-title">
            {t('alertsOpen', { count: openAlerts.length, kinds: openAlerts.map((a) => t(`alertKindLower.${a.kind}`)).join(t('listSeparator')) })}
          </p>
          <p>
            {t.rich(isOfficer ? 'reviewBelow' : 'reasonsBelow', { link: (chunks) => <a href="#alerts-heading">{chunks}</a> })}
          </p>
        </div>
      )}
    </>
  );
}
