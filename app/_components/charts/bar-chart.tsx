// Bar charts drawn as SVG on the server (no script, no external service): d3-scale computes the bands
// and a nice value axis, React writes the elements. Each chart has a title and a text description for
// screen readers; the figures are also in a table beside it.
import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn as a marker on the bar (e.g. the 90th percentile beside the median). */
  marker?: number | null;
}

export function BarChart({ title, bars, unit, markerLabel, width = 560, height = 240, testId }: { title: string; bars: Bar[]; unit: string; markerLabel?: string; width?: number; height?: number; testId?: string }) {
  const margin = { top: 16, right: 16, bottom: 40, left: 48 };
  // All zero (e.g. releases within seconds): a 0–1 axis, not one of 0 to a billionth in six decimals.
  const top = Math.max(0, ...bars.map((b) => Math.max(b.value, b.marker ?? 0)));
  const max = top > 0 ? top : 1;
  const x = scaleBand<string>().domain(bars.map((b) => b.label)).range([margin.left, width - margin.right]).padding(0.25);
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(5);
  // d3 picks the decimals the tick step needs (0.002 apart reads 0.002, 0.004…, not 0.0 five times).
  const tickText = y.tickFormat(5);
  const description = bars.map((b) => `${b.label}: ${format(b.value)} ${unit}${b.marker != null && markerLabel ? `, ${markerLabel} ${format(b.marker)} ${unit}` : ''}`).join('; ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}. ${description || 'No data.'}`} className="chart" data-testid={testId}>
      <title>{title}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#d5dae3" />
          <text x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="11" fill="#4a5568">
            {tickText(t)}
          </text>
        </g>
      ))}
      <text x={12} y={margin.top - 4} fontSize="11" fill="#4a5568">
        {unit}
      </text>
      {bars.map((b) => (
        <g key={b.label}>
          <rect x={x(b.label)} y={y(b.value)} width={x.bandwidth()} height={Math.max(0, y(0) - y(b.value))} fill="#1d5fbf">
            <title>{`${b.label}: ${format(b.value)} ${unit}`}</title>
          </rect>
          {b.marker != null && <line x1={x(b.label)} x2={(x(b.label) ?? 0) + x.bandwidth()} y1={y(b.marker)} y2={y(b.marker)} stroke="#c2410c" strokeWidth="3" />}
          <text x={(x(b.label) ?? 0) + x.bandwidth() / 2} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#1a202c">
            {b.label}
          </text>
        </g>
      ))}
      {bars.length === 0 && (
        <text x={width / 2} y={height / 2} textAnchor="middle" fill="#4a5568">
          No releases in this period.
        </text>
      )}
    </svg>
  );
}

function format(v: number): string {
  // Below 1, two significant digits: a value of 0.02 is not "0.0".
  if (Math.abs(v) < 1 && v !== 0) return String(Number(v.toPrecision(2)));
  return Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(v === Math.round(v) ? 0 : 1);
}
