import type { Metadata } from 'next';

import { computeClearanceStatistics } from '../../lib/statistics/compute-clearance-statistics';
import { getOptionalActor } from '../session';
import { ClearanceView } from './clearance-view';

export const metadata: Metadata = { title: 'Border performance' };
export const dynamic = 'force-dynamic';

/** Public: how long clearance takes (national figures; a signed-in filer sees its own beside them). */
export default async function PerformancePage() {
  const stats = await computeClearanceStatistics({ actor: await getOptionalActor() });
  return (
    <>
      <h1>How long clearance takes</h1>
      <ClearanceView stats={stats} csvHref="/performance/clearance.csv" />
    </>
  );
}
