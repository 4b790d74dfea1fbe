// The clearance figures of a period as charts (SVG, server-rendered) and tables: the public performance
// page and the officers' dashboard show the same view, in the reader's language (namespace `clearance`).
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

import type { ClearanceFigures, ClearanceStatistics, ReleaseFigure } from '../../lib/statistics/compute-clearance-statistics';
import { BarChart } from '../_components/charts/bar-chart';
import { When } from '../_i18n/when';

type Words = ReturnType<typeof useTranslations>;
type Formatter = ReturnType<typeof useFormatter>;

const LANES = new Set(['GREEN', 'YELLOW', 'RED']);

/**
 * The unit a chart of durations reads best in: minutes when every figure is under an hour (a quick
 * border's medians would otherwise be bars of 0.02 h), hours otherwise.
 */
function durationScale(values: (number | null)[], t: Words): { unit: string; of: (h: number | null) => number | null } {
  const underAnHour = values.every((v) => v === null || v < 1);
  return underAnHour ? { unit: t('unitMinutes'), of: (h) => (h === null ? null : Math.round(h * 600) / 10) } : { unit: t('unitHours'), of: (h) => h };
}

/** A duration in hours as minutes under an hour, else hours with one decimal. */
function hoursText(v: number | null, d: Words, format: Formatter): string {
  if (v === null) return '—';
  if (v < 1) return d('minutes', { value: format.number(Math.round(v * 60)) });
  return d('hours', { value: format.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

function ReleaseTable({ caption, rows, groupName, hours }: { caption: string; rows: ReleaseFigure[]; groupName: (r: ReleaseFigure) => string; hours: (v: number | null) => string }) {
  const t = useTranslations('clearance');
  const format = useFormatter();
  return (
    <div className="table-scroll fit" tabIndex={0} role="region" aria-label={caption}>
      <table className="results compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('group')}</th>
            <th scope="col">{t('releases')}</th>
            <th scope="col">{t('median')}</th>
            <th scope="col">{t('p90')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.dimension}-${r.key}`}>
              <th scope="row">{groupName(r)}</th>
              <td>{format.number(r.count)}</td>
              <td>{hours(r.medianHours)}</td>
              <td>{hours(r.p90Hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `part`: which figures these are (own, national), for the test ids. */
function Figures({ f, stats, part }: { f: ClearanceFigures; stats: ClearanceStatistics; part: string }) {
  const t = useTranslations('clearance');
  const d = useTranslations('duration');
  const lane = useTranslations('lane');
  const format = useFormatter();
  const hours = (v: number | null) => hoursText(v, d, format);
  const laneName = (key: string | null) => (key === null ? '—' : LANES.has(key) ? lane(key) : key);
  const groupName = (r: ReleaseFigure) => (r.dimension === 'ALL' ? t('all') : r.key === null ? t('notStated') : r.dimension === 'LANE' ? laneName(r.key) : r.key);
  const all = f.releases.find((r) => r.dimension === 'ALL')!;
  const by = (dimension: ReleaseFigure['dimension']) => f.releases.filter((r) => r.dimension === dimension);
  const lanes = durationScale(by('LANE').flatMap((r) => [r.medianHours, r.p90Hours]), t);
  const weeks = durationScale(by('WEEK').flatMap((r) => [r.medianHours, r.p90Hours]), t);
  const limits = stats.bucketsHours.map((b) => format.number(b));
  const bucketLabels = [t('bucketUnder', { limit: limits[0]! }), ...limits.slice(1).map((b, i) => t('bucketBetween', { from: limits[i]!, to: b })), t('bucketOver', { limit: limits.at(-1)! })];
  // ISO week keys are "2026-W48": the chart names the week by its number.
  const weekName = (key: string | null) => t('week', { week: Number(key?.slice(6) ?? 0) });
  return (
    <>
      <p className="lead" data-testid={`${part}-summary`}>
        {all.count === 0 ? t('noneReleased') : t('summary', { count: all.count, median: hours(all.medianHours), p90: hours(all.p90Hours) })}
      </p>
      <div className="two-columns">
        <figure>
          <BarChart
            title={t('releaseTimeTitle')}
            unit={lanes.unit}
            markerLabel={t('p90')}
            bars={by('LANE').map((r) => ({ label: laneName(r.key), value: lanes.of(r.medianHours) ?? 0, marker: lanes.of(r.p90Hours) }))}
            emptyText={t('noReleases')}
            testId={`${part}-release-time-chart`}
          />
          <figcaption>{t('releaseTimeCaption', { unit: lanes.unit })}</figcaption>
        </figure>
        <figure>
          <BarChart title={t('distributionTitle')} unit={t('unitReleases')} bars={bucketLabels.map((l, i) => ({ label: l, value: all.distribution[i] ?? 0 }))} emptyText={t('noReleases')} testId={`${part}-distribution-chart`} />
          <figcaption>{t('distributionCaption')}</figcaption>
        </figure>
        <figure>
          <BarChart
            title={t('weeklyTitle')}
            unit={weeks.unit}
            markerLabel={t('p90')}
            bars={by('WEEK').map((r) => ({ label: weekName(r.key), value: weeks.of(r.medianHours) ?? 0, marker: weeks.of(r.p90Hours) }))}
            emptyText={t('noReleases')}
          />
          <figcaption>{t('weeklyCaption')}</figcaption>
        </figure>
        <figure>
          <BarChart title={t('lodgedTitle')} unit="%" bars={f.lodgedPerLane.map((l) => ({ label: laneName(l.lane), value: Math.round(l.share * 1000) / 10 }))} emptyText={t('noLodgements')} />
          <figcaption>{t('lodgedCaption')}</figcaption>
        </figure>
      </div>
      <ReleaseTable caption={t('perLane')} rows={[all, ...by('LANE')]} groupName={groupName} hours={hours} />
      <ReleaseTable caption={t('perOffice')} rows={by('OFFICE')} groupName={groupName} hours={hours} />
      <ReleaseTable caption={t('perProcedure')} rows={by('PROCEDURE')} groupName={groupName} hours={hours} />
      <p>
        {t('queries', {
          raised: f.queries.count,
          answered: f.queries.answered,
          median: hours(f.queries.medianAnswerHours),
          p90: hours(f.queries.p90AnswerHours),
        })}
      </p>
    </>
  );
}

export function ClearanceView({ stats, csvHref }: { stats: ClearanceStatistics; csvHref: string }) {
  const t = useTranslations('clearance');
  return (
    <>
      <p className="hint">
        {t.rich('period', {
          from: () => <When date={stats.from} time={false} />,
          to: () => <When date={stats.to} time={false} />,
          csv: (chunks) => <Link href={csvHref}>{chunks}</Link>,
        })}
      </p>
      {stats.own && (
        <section aria-labelledby="own-heading" className="panel">
          <h2 id="own-heading">{t('ownHeading')}</h2>
          <Figures f={stats.own} stats={stats} part="own" />
        </section>
      )}
      <section aria-labelledby="national-heading">
        <h2 id="national-heading">{stats.own ? t('nationalHeadingBeside') : t('nationalHeading')}</h2>
        <Figures f={stats.national} stats={stats} part="national" />
      </section>
    </>
  );
}
