// The shipment's facts: since when its seal status holds, its last event and position, counts.
import { useFormatter, useTranslations } from 'next-intl';

import { When } from '../../_i18n/when';
import { OpenAlerts } from './seal-status';
import { formatPosition, placeName, type ShipmentView } from './tracking-format';

export function ShipmentFacts({ shipment: s }: { shipment: ShipmentView }) {
  const t = useTranslations('tracking');
  const format = useFormatter();
  return (
    <dl className="facts">
      <div>
        <dt>{t('statusSince')}</dt>
        <dd>
          <When date={s.statusAt} />
        </dd>
      </div>
      <div>
        <dt>{t('lastEvent')}</dt>
        <dd>{s.lastEventAt ? <When date={s.lastEventAt} /> : <span className="muted">{t('noEventYet')}</span>}</dd>
      </div>
      <div>
        <dt>{t('lastPosition')}</dt>
        <dd data-testid="last-position">
          {s.lastPosition ? (
            <>
              {formatPosition(s.lastPosition.latitude, s.lastPosition.longitude)}
              {s.lastPosition.locode ? `, ${placeName(s.lastPosition.locode)}` : ''}
              <br />
              <span className="muted small">
                <When date={s.lastPosition.at} />
              </span>
            </>
          ) : (
            <span className="muted">{t('notReportedYet')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('events')}</dt>
        <dd>{format.number(s.eventCount)}</dd>
      </div>
      <div>
        <dt>{t('openAlerts')}</dt>
        <dd>
          <OpenAlerts count={s.openAlertCount} />
        </dd>
      </div>
    </dl>
  );
}
