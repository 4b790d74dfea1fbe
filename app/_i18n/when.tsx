// A moment as the reader's language writes it, always in UTC (filer and officer in different countries
// read the same time), inside <time> with the machine-readable value. next-intl's formatter (Intl).
import { useFormatter, useTranslations } from 'next-intl';

export function When({ date, time = true }: { date: Date | null | undefined; time?: boolean }) {
  const format = useFormatter();
  const t = useTranslations('format');
  if (!date) return <>—</>;
  const text = format.dateTime(date, time ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
  return <time dateTime={date.toISOString()}>{time ? t('utc', { time: text }) : text}</time>;
}

/** An amount with its ISO 4217 currency, as the reader's language writes money. */
export function Money({ amount, currency }: { amount: { toString(): string } | null | undefined; currency: string | null | undefined }) {
  const format = useFormatter();
  if (amount == null) return <>—</>;
  const value = Number(amount.toString());
  return <>{currency && /^[A-Z]{3}$/.test(currency) ? format.number(value, { style: 'currency', currency }) : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</>;
}
