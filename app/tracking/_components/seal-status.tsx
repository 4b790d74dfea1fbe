// The seal status of a shipment as a badge: colour, symbol and words, so that none is needed alone.
import type { ShipmentStatus } from './tracking-format';

export const SEAL_STATUS_LABEL: Record<ShipmentStatus, string> = {
  SEALED_INTACT: 'Sealed intact',
  OPENED_AUTHORIZED: 'Opened authorized',
  TAMPER_SUSPECTED: 'Tamper suspected',
};

const LOOK: Record<ShipmentStatus, { tone: string; symbol: string }> = {
  SEALED_INTACT: { tone: 'ok', symbol: '✓' },
  OPENED_AUTHORIZED: { tone: 'info', symbol: '◐' },
  TAMPER_SUSPECTED: { tone: 'bad', symbol: '!' },
};

export function SealStatusBadge({ status }: { status: ShipmentStatus }) {
  const { tone, symbol } = LOOK[status];
  return (
    <span className={`badge badge-${tone} seal-badge`} data-seal-status={status} data-testid="seal-status">
      <span className="seal-badge-symbol" aria-hidden="true">
        {symbol}
      </span>
      {SEAL_STATUS_LABEL[status]}
    </span>
  );
}

/** "2 open alerts" in red, or "None" in grey. */
export function OpenAlerts({ count }: { count: number }) {
  if (count === 0) return <span className="muted">None</span>;
  return (
    <span className="badge badge-bad" data-testid="open-alerts">
      {count} open {count === 1 ? 'alert' : 'alerts'}
    </span>
  );
}
