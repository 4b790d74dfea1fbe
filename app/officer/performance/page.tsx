import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isOfficial } from '../../../lib/auth/policy';
import { computeClearanceStatistics } from '../../../lib/statistics/compute-clearance-statistics';
import { getActor } from '../../session';
import { ClearanceView } from '../../performance/clearance-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('officerPerformance'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The officers' dashboard: the same figures for a chosen number of days. */
export default async function OfficerPerformancePage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('officerPerformance')]);
  if (!isOfficial(actor)) return <p className="notice">{t.rich('onlyOfficers', { link: (chunks) => <Link href="/performance">{chunks}</Link> })}</p>;
  const raw = (await searchParams).days;
  const days = Math.min(365, Math.max(1, Number(typeof raw === 'string' ? raw : 28) || 28));
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const stats = await computeClearanceStatistics({ actor, from, to });
  return (
    <>
      <p className="breadcrumb">
        <Link href="/officer">{t('breadcrumb')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <form method="get" className="filter-bar">
        <div className="field width-s">
          <label htmlFor="days">{t('days')}</label>
          <input id="days" name="days" type="text" inputMode="numeric" defaultValue={String(days)} />
        </div>
        <button type="submit" className="button-secondary">
          {t('show')}
        </button>
      </form>
      <ClearanceView stats={stats} csvHref={`/performance/clearance.csv?from=${from.toISOString()}&to=${to.toISOString()}`} />
    </>
  );
}
