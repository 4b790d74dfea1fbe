// GET /performance/clearance.csv?from=…&to=…: the clearance statistics of the performance page as CSV
// (national figures; a signed-in filer's own figures too).
import { computeClearanceStatistics } from '../../../lib/statistics/compute-clearance-statistics';
import { formatClearanceCsv } from '../../../lib/statistics/format-clearance-csv';
import { isAppError } from '../../../lib/errors';
import { getOptionalActor } from '../../session';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const date = (name: string) => (url.searchParams.get(name) ? new Date(url.searchParams.get(name)!) : undefined);
  try {
    const stats = await computeClearanceStatistics({ actor: await getOptionalActor(), from: date('from'), to: date('to') });
    return new Response(formatClearanceCsv(stats), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="clearance-${stats.from.toISOString().slice(0, 10)}-${stats.to.toISOString().slice(0, 10)}.csv"` },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') return new Response(`${error.message} ${(error.details.fieldErrors ?? []).map((f) => f.message).join(' ')}\n`, { status: 400 });
    throw error;
  }
}
