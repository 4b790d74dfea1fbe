// The clearance statistics as CSV (RFC 4180), one row per figure: the download of the performance page.
import { BUCKETS_HOURS } from './clearance-sql';
import type { ClearanceFigures, ClearanceStatistics } from './compute-clearance-statistics';

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const bucketNames = [`under_${BUCKETS_HOURS[0]}h`, ...BUCKETS_HOURS.slice(1).map((b, i) => `${BUCKETS_HOURS[i]}h_to_${b}h`), `${BUCKETS_HOURS.at(-1)}h_or_more`];

export function formatClearanceCsv(stats: ClearanceStatistics): string {
  const lines = [['scope', 'figure', 'dimension', 'key', 'count', 'median_hours', 'p90_hours', 'share', ...bucketNames].join(',')];
  const add = (scope: string, f: ClearanceFigures) => {
    for (const r of f.releases) lines.push([scope, 'release_time', r.dimension, r.key, r.count, r.medianHours, r.p90Hours, null, ...r.distribution].map(cell).join(','));
    for (const l of f.lodgedPerLane) lines.push([scope, 'lodged', 'LANE', l.lane, l.count, null, null, l.share].map(cell).join(','));
    lines.push([scope, 'query_answer_time', 'ALL', null, f.queries.count, f.queries.medianAnswerHours, f.queries.p90AnswerHours, null].map(cell).join(','));
  };
  add('national', stats.national);
  if (stats.own) add('own', stats.own);
  return `${lines.join('\r\n')}\r\n`;
}
