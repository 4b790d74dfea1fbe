// Status and lane badges, and the words the portal uses for each status. The badges speak the reader's
// language (messages: status.*, lane.*); STATUS_LABEL is the English wording for pages not yet translated.
import { useTranslations } from 'next-intl';

import type { DeclarationStatus, RiskLane } from './types';

export const STATUSES: readonly DeclarationStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'RISK_ASSESSED',
  'UNDER_CONTROL',
  'QUERY',
  'DUTY_ASSESSED',
  'PAID',
  'RELEASED',
  'REJECTED',
  'CANCEL_REQUESTED',
  'CANCELLED',
];

export const STATUS_LABEL: Record<DeclarationStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  ACCEPTED: 'Accepted',
  RISK_ASSESSED: 'Risk assessed',
  UNDER_CONTROL: 'Under control',
  QUERY: 'Query',
  DUTY_ASSESSED: 'Duty assessed',
  PAID: 'Paid',
  RELEASED: 'Released',
  REJECTED: 'Rejected',
  CANCEL_REQUESTED: 'Cancellation requested',
  CANCELLED: 'Cancelled',
};

/** Statuses an officer works on: neither a draft nor finished. */
export const OPEN_STATUSES: DeclarationStatus[] = STATUSES.filter((s) => !['DRAFT', 'RELEASED', 'REJECTED', 'CANCELLED'].includes(s));

export function isStatus(value: string | undefined): value is DeclarationStatus {
  return !!value && (STATUSES as readonly string[]).includes(value);
}

const TONE: Record<DeclarationStatus, string> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  ACCEPTED: 'info',
  RISK_ASSESSED: 'info',
  UNDER_CONTROL: 'warn',
  QUERY: 'warn',
  DUTY_ASSESSED: 'info',
  PAID: 'info',
  RELEASED: 'ok',
  REJECTED: 'bad',
  CANCEL_REQUESTED: 'warn',
  CANCELLED: 'neutral',
};

export function StatusBadge({ status }: { status: DeclarationStatus }) {
  const t = useTranslations('status');
  return (
    <span className={`badge badge-${TONE[status]}`} data-status={status} data-testid="status-badge">
      {t(status)}
    </span>
  );
}

// Colour is never the only signal (WCAG 1.4.1): each lane has its own shape and its name.
const LANE_ICON: Record<RiskLane, string> = { GREEN: '●', YELLOW: '◆', RED: '▲' };

export function LaneBadge({ lane }: { lane: RiskLane | null }) {
  const t = useTranslations('lane');
  if (!lane) return <span className="muted">{t('none')}</span>;
  return (
    <span className={`lane lane-${lane.toLowerCase()}`} data-lane={lane}>
      <span aria-hidden="true" className="lane-icon">
        {LANE_ICON[lane]}
      </span>{' '}
      {t(lane)}
    </span>
  );
}
