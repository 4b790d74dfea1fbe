// How the single-window pages show statuses, dates and quantities.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

const TONE: Record<string, string> = {
  APPROVED: 'badge-ok',
  ACTIVE: 'badge-ok',
  SATISFIED: 'badge-ok',
  DISCLAIMED: 'badge-ok',
  WAIVED: 'badge-ok',
  REJECTED: 'badge-bad',
  REVOKED: 'badge-bad',
  EXPIRED: 'badge-bad',
  EXHAUSTED: 'badge-bad',
  MISSING: 'badge-bad',
  INFO_REQUESTED: 'badge-warn',
  PENDING: 'badge-warn',
};

/** A status as a badge: its words, and a colour that is never the only signal. */
export function PermitBadge({ status, testId }: { status: string; testId?: string }): ReactNode {
  const t = useTranslations('permits');
  return (
    <span className={`badge ${TONE[status] ?? 'badge-neutral'}`} data-status={status} data-testid={testId}>
      {t.has(`status.${status}`) ? t(`status.${status}`) : status}
    </span>
  );
}

export function day(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '—';
}

/** A Decimal (or its string) without trailing zeros: "1200.000" → "1200". */
export function qty(v: { toString(): string } | null | undefined, unit?: string | null): string {
  if (v === null || v === undefined) return '—';
  const s = v.toString().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return unit ? `${s} ${unit}` : s;
}

export interface PermitGood {
  itemSequence: number | null;
  commodityCode: string;
  description: string;
  originCountry: string;
  netMass: string | null;
  quantity: string | null;
  unit: string | null;
}
