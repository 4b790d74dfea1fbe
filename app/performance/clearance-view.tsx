// The clearance figures of a period as charts (SVG, server-rendered) and tables: the public performance
// page and the officers' dashboard show the same view.
import Link from 'next/link';

import type { ClearanceFigures, ClearanceStatistics, ReleaseFigure } from '../../lib/statistics/compute-clearance-statistics';
import { BarChart } from '../_components/charts/bar-chart';

/**
 * The unit a chart of durations reads best in: minutes when every figure is under an hour (a quick
 * border's medians would otherwise be bars of 0.02 h), hours otherwise.
 */
function durationScale(values: (number | null)[]): { unit: string; of: (h: number | null) => number | null } {
  const underAnHour = values.every((v) => v === null || v < 1);
  return underAnHour ? { unit: 'minutes', of: (h) => (h === null ? null : Math.round(h * 600) / 10) } : { unit: 'hours', of: (h) => h };
}

const hours = (v: number | null) => (v === null ? '—' : v < 1 ? `${Math.round(v * 60)} min` : `${v.toFixed(1)} h`);

function ReleaseTable({ caption, rows }: { caption: string; rows: ReleaseFigure[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Releases</th>
          <th scope="col">Median</th>
          <th scope="col">90th percentile</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.dimension}-${r.key}`}>
            <th scope="row">{r.key ?? (r.dimension === 'ALL' ? 'All' : 'Not stated')}</th>
            <td>{r.count.toLocaleString('en')}</td>
            <td>{hours(r.medianHours)}</td>
            <td>{hours(r.p90Hours)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({ f, stats, label }: { f: ClearanceFigures; stats: ClearanceStatistics; label: string }) {
  const all = f.releases.find((r) => r.dimension === 'ALL')!;
  const by = (d: ReleaseFigure['dimension']) => f.releases.filter((r) => r.dimension === d);
  const lanes = durationScale(by('LANE').flatMap((r) => [r.medianHours, r.p90Hours]));
  const weeks = durationScale(by('WEEK').flatMap((r) => [r.medianHours, r.p90Hours]));
  const bucketLabels = [`< ${stats.bucketsHours[0]} h`, ...stats.bucketsHours.slice(1).map((b, i) => `${stats.bucketsHours[i]}–${b} h`), `≥ ${stats.bucketsHours.at(-1)} h`];
  return (
    <>
      <p className="lead" data-testid={`${label}-summary`}>
        {all.count === 0
          ? 'No declarations were released in this period.'
          : `${all.count.toLocaleString('en')} declarations released; half within ${hours(all.medianHours)} of lodgement, nine in ten within ${hours(all.p90Hours)}.`}
      </p>
      <div className="two-columns">
        <figure>
          <BarChart
            title="Time from lodgement to release per lane (median; 90th percentile marked)"
            unit={lanes.unit}
            markerLabel="90th percentile"
            bars={by('LANE').map((r) => ({ label: r.key ?? '—', value: lanes.of(r.medianHours) ?? 0, marker: lanes.of(r.p90Hours) }))}
            testId={`${label}-release-time-chart`}
          />
          <figcaption>Median {lanes.unit} from lodgement to release per lane; the orange mark is the 90th percentile.</figcaption>
        </figure>
        <figure>
          <BarChart title="Distribution of release times" unit="releases" bars={bucketLabels.map((l, i) => ({ label: l, value: all.distribution[i] ?? 0 }))} testId={`${label}-distribution-chart`} />
          <figcaption>How many releases took each length of time.</figcaption>
        </figure>
        <figure>
          <BarChart title="Median release time per week" unit={weeks.unit} bars={by('WEEK').map((r) => ({ label: r.key!.slice(5), value: weeks.of(r.medianHours) ?? 0, marker: weeks.of(r.p90Hours) }))} />
          <figcaption>Median (bar) and 90th percentile (mark) per ISO week of release.</figcaption>
        </figure>
        <figure>
          <BarChart title="Share of lodged declarations per lane" unit="%" bars={f.lodgedPerLane.map((l) => ({ label: l.lane, value: Math.round(l.share * 1000) / 10 }))} />
          <figcaption>Of the declarations lodged in the period, the percentage per lane.</figcaption>
        </figure>
      </div>
      <ReleaseTable caption="Per lane" rows={[all, ...by('LANE')]} />
      <ReleaseTable caption="Per customs office" rows={by('OFFICE')} />
      <ReleaseTable caption="Per procedure" rows={by('PROCEDURE')} />
      <p>
        Customs queries: {f.queries.count.toLocaleString('en')} raised, {f.queries.answered.toLocaleString('en')} answered; median answer time {hours(f.queries.medianAnswerHours)}, 90th percentile{' '}
        {hours(f.queries.p90AnswerHours)}.
      </p>
    </>
  );
}

export function ClearanceView({ stats, csvHref }: { stats: ClearanceStatistics; csvHref: string }) {
  return (
    <>
      <p className="hint">
        Declarations released from {stats.from.toISOString().slice(0, 10)} to {stats.to.toISOString().slice(0, 10)} (UTC), measured as the WCO Time Release Study does: from lodgement (first
        submission) to release. Figures are at most a minute old. <Link href={csvHref}>Download as CSV</Link>.
      </p>
      {stats.own && (
        <section aria-labelledby="own-heading" className="panel">
          <h2 id="own-heading">Your declarations</h2>
          <Figures f={stats.own} stats={stats} label="own" />
        </section>
      )}
      <section aria-labelledby="national-heading">
        <h2 id="national-heading">{stats.own ? 'All declarations (national)' : 'All declarations'}</h2>
        <Figures f={stats.national} stats={stats} label="national" />
      </section>
    </>
  );
}
