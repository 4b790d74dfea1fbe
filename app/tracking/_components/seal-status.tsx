// The seal status of a shipment as a badge: colour, symbol and words, so that none is needed alone.
import { useTranslations } from 'next-intl';

import type { ShipmentStatus } from './tracking-format';

const LOOK: Record<ShipmentStatus, { tone: string; symbol: string }> = {
  SEALED_INTACT: { tone: 'ok', symbol: '✓' },
  OPENED_AUTHORIZED: { tone: 'info', symbol: '◐' },
  TAMPER_SUSPECTED: { tone: 'bad', symbol: '!' },
};

export function SealStatusBadge({ status }: { status: ShipmentStatus }) {
  const t = useTranslations('tracking');
  const { tone, symbol } = LOOK[status];
  return (
    <span className={`badge badge-${tone} seal-badge`} data-seal-status={status} data-testid="seal-status">
      <span className="seal-badge-symbol" aria-hidden="true">
        {symbol}
      </span>
      {t(`sealStatus.${status}`)}
    </span>
  );
}

/** "2 open alerts" in red, or "None" in grey. */
export function OpenAlerts({ count }: { count: number }) {
  const t = useTranslations('tracking');
  if (count === 0) return <span className="muted">{t('noOpenAlert')}</span>;
  return (
    <span className="badge badge-bad" data-testid="open-alerts">
      {t('openAlertCount', { count })}
    </span>
  );
}
