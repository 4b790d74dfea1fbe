// The GET filter form of the application lists (status, search, waiting at least N hours) and the
// translation of its query string into listPermitApplications' filter.
import { useTranslations } from 'next-intl';

import type { PermitApplicationFilter } from '../../../lib/permits/list-permit-applications';
import { SearchField, SearchForm } from '../../_components/list/list-parts';

type PermitApplicationStatus = NonNullable<PermitApplicationFilter['status']>[number];

export const APPLICATION_STATUSES: PermitApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED'];

export type ListParams = Record<string, string | undefined>;

export async function paramsOf(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<ListParams> {
  return Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export function filterOf(p: ListParams): PermitApplicationFilter {
  const status = p.status && (APPLICATION_STATUSES as string[]).includes(p.status) ? [p.status as PermitApplicationStatus] : null;
  const hours = p.waiting && /^\d{1,4}$/.test(p.waiting) ? Number(p.waiting) : null;
  return { status, search: p.q || null, waitingHoursAtLeast: hours };
}

/** The list's URL with its filters (and a cursor). */
export function hrefOf(path: string, p: ListParams, after?: string): string {
  const q = new URLSearchParams();
  for (const k of ['status', 'q', 'waiting'] as const) if (p[k]) q.set(k, p[k]!);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function ApplicationFilters({ action, p, statuses = APPLICATION_STATUSES, waiting }: { action: string; p: ListParams; statuses?: PermitApplicationStatus[]; waiting?: boolean }) {
  const t = useTranslations('permits');
  const filtered = !!(p.status || p.q || p.waiting);
  return (
    <SearchForm action={action} label={t('filterLabel')} reset={filtered ? { href: action, label: t('clearFilters') } : undefined} hinted>
      <SearchField id="f-q" name="q" label={t('search')} defaultValue={p.q} maxLength={100} hint={t('searchHint')} />
      <div className="field">
        <label htmlFor="f-status">{t('colStatus')}</label>
        <select id="f-status" name="status" defaultValue={p.status ?? ''}>
          <option value="">{t('any')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {waiting && (
        <div className="field">
          <label htmlFor="f-waiting">{t('waitingAtLeast')}</label>
          <input id="f-waiting" name="waiting" type="text" inputMode="numeric" defaultValue={p.waiting} maxLength={4} className="width-s" />
        </div>
      )}
    </SearchForm>
  );
}
