// Bar charts drawn as SVG on the server (no script, no external service): d3-scale computes the bands
// and a nice value axis, React writes the elements. Each chart has a title and a text description for
// screen readers; the figures are also in a table beside it. Its words (namespace `charts`) and numbers
// are the reader's language's; the caller gives the title, unit and bar labels already translated.
import { scaleBand, scaleLinear } from 'd3-scale';
import { useFormatter, useTranslations } from 'next-intl';

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn as a marker on the bar (e.g. the 90th percentile beside the median). */
  marker?: number | null;
}

export function BarChart({
  title,
  bars,
  unit,
  markerLabel,
  emptyText,
  width = 560,
  height = 240,
  testId,
}: {
  title: string;
  bars: Bar[];
  unit: string;
  markerLabel?: string;
  /** Shown in the chart when it has no bar, e.g. "No releases in this period."; default "No data." */
  emptyText?: string;
  width?: number;
  height?: number;
  testId?: string;
}) {
  const t = useTranslations('charts');
  const formatter = useFormatter();
  const margin = { top: 16, right: 16, bottom: 40, left: 48 };
  // All zero (e.g. releases within seconds): a 0–1 axis, not one of 0 to a billionth in six decimals.
  const top = Math.max(0, ...bars.map((b) => Math.max(b.value, b.marker ?? 0)));
  const max = top > 0 ? top : 1;
  const x = scaleBand<string>().domain(bars.map((b) => b.label)).range([margin.left, width - margin.right]).padding(0.25);
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(5);
  // The decimals the tick step needs, as d3's tickFormat picks them (0.002 apart reads 0.002, 0.004…,
  // not 0.0 five times), written with the reader's decimal separator.
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(Math.abs(step))));
  const tickText = (v: number) => formatter.number(v, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const format = (v: number) => formatter.number(v, figureOptions(v));
  const valueText = (b: Bar) =>
    b.marker != null && markerLabel
      ? t('barWithMarker', { label: b.label, value: format(b.value), unit, markerLabel, marker: format(b.marker) })
      : t('bar', { label: b.label, value: format(b.value), unit });
  const description = bars.map(valueText).join(t('separator'));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t('label', { title, description: description || t('noData') })} className="chart" data-testid={testId}>
      <title>{title}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#d5dae3" />
          <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="#4a5568">
            {tickText(tick)}
          </text>
        </g>
      ))}
      <text x={12} y={margin.top - 4} fontSize="11" fill="#4a5568">
        {unit}
      </text>
      {bars.map((b) => (
        <g key={b.label}>
          <rect x={x(b.label)} y={y(b.value)} width={x.bandwidth()} height={Math.max(0, y(0) - y(b.value))} fill="#1d5fbf">
            <title>{t('bar', { label: b.label, value: format(b.value), unit })}</title>
          </rect>
          {b.marker != null && <line x1={x(b.label)} x2={(x(b.label) ?? 0) + x.bandwidth()} y1={y(b.marker)} y2={y(b.marker)} stroke="#c2410c" strokeWidth="3" />}
          <text className="chart-label" x={(x(b.label) ?? 0) + x.bandwidth() / 2} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#1a202c">
            {b.label}
          </text>
        </g>
      ))}
      {bars.length === 0 && (
        <text x={width / 2} y={height / 2} textAnchor="middle" fill="#4a5568">
          {emptyText ?? t('noData')}
        </text>
      )}
    </svg>
  );
}

/** A bar's figure: below 1, two significant digits (a value of 0.02 is not "0.0"); from 10, whole; else one decimal at most. */
function figureOptions(v: number): { maximumSignificantDigits?: number; maximumFractionDigits?: number } {
  if (Math.abs(v) < 1 && v !== 0) return { maximumSignificantDigits: 2 };
  return { maximumFractionDigits: Math.abs(v) >= 10 ? 0 : 1 };
}
