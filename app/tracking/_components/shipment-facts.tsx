// The shipment's facts: since when its seal status holds, its last event and position, counts.
import { formatDateTime } from '../../declarations/_components/format';
import { OpenAlerts } from './seal-status';
import { formatPosition, placeName, type ShipmentView } from './tracking-format';

export function ShipmentFacts({ shipment: s }: { shipment: ShipmentView }) {
  return (
    <dl className="facts">
      <div>
        <dt>Seal status since</dt>
        <dd>{formatDateTime(s.statusAt)}</dd>
      </div>
      <div>
        <dt>Last event</dt>
        <dd>{s.lastEventAt ? formatDateTime(s.lastEventAt) : <span className="muted">No event yet</span>}</dd>
      </div>
      <div>
        <dt>Last position</dt>
        <dd data-testid="last-position">
          {s.lastPosition ? (
            <>
              {formatPosition(s.lastPosition.latitude, s.lastPosition.longitude)}
              {s.lastPosition.locode ? `, ${placeName(s.lastPosition.locode)}` : ''}
              <br />
              <span className="muted small">{formatDateTime(s.lastPosition.at)}</span>
            </>
          ) : (
            <span className="muted">Not reported yet</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>{s.eventCount.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>Open alerts</dt>
        <dd>
          <OpenAlerts count={s.openAlertCount} />
        </dd>
      </div>
    </dl>
  );
}
