import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { computeClearanceStatistics } from '../../lib/statistics/compute-clearance-statistics';
import { getOptionalActor } from '../session';
import { ClearanceView } from './clearance-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('performance'))('title') };
}
export const dynamic = 'force-dynamic';

/** Public: how long clearance takes (national figures; a signed-in filer sees its own beside them). */
export default async function PerformancePage() {
  const [stats, t] = await Promise.all([getOptionalActor().then((actor) => computeClearanceStatistics({ actor })), getTranslations('performance')]);
  return (
    <>
      <h1>{t('heading')}</h1>
      <ClearanceView stats={stats} csvHref="/performance/clearance.csv" />
    </>
  );
}
