// Formatting for the declaration pages (server side). Times are shown in UTC, so that filer and
// officer in different countries read the same time.

export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(date: Date | null | undefined): string {
  if (!date) return '—';
  return date.toISOString().slice(0, 10);
}

/** A Prisma Decimal (or null) with a fixed number of decimals. */
export function formatDecimal(value: { toFixed(digits: number): string } | null | undefined, digits: number): string {
  return value == null ? '—' : value.toFixed(digits);
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

export const TYPE_LABEL: Record<string, string> = { IM: 'Import', EX: 'Export', CO: 'Community goods' };

/** A search parameter as one string. */
export function one(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** A commodity code as printed: 0901.21, 0901.21 00 or 0901.21 00 10. */
export function formatCommodityCode(code: string): string {
  if (!/^\d{6,10}$/.test(code)) return code;
  const rest = code.slice(6).match(/\d{1,2}/g) ?? [];
  return [`${code.slice(0, 4)}.${code.slice(4, 6)}`, ...rest].join(' ');
}
