// Line charts drawn as SVG on the server, like bar-chart.tsx: d3-scale places the points, React writes
// the elements, no script. Each series has its own dash and marker shape, so colour is never the only
// way to tell them apart; the chart carries a title and a text description (aria-labelledby), and the
// page shows the same figures in a table beside it.
import { scaleLinear, scalePoint } from 'd3-scale';

export interface LineSeries {
  label: string;
  /** One y per x of the chart, or null where there is no value. */
  values: (number | null)[];
}

const STYLES = [
  { stroke: '#1d5fbf', dash: undefined, marker: 'circle' },
  { stroke: '#c2410c', dash: '6 4', marker: 'square' },
  { stroke: '#4a5568', dash: '2 4', marker: 'triangle' },
  { stroke: '#15803d', dash: '10 3 2 3', marker: 'diamond' },
] as const;

function Marker({ kind, x, y, color }: { kind: (typeof STYLES)[number]['marker']; x: number; y: number; color: string }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4} fill={color} />;
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
  if (kind === 'triangle') return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={color} />;
  return <path d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`} fill={color} />;
}

export function LineChart({
  id,
  title,
  description,
  xLabels,
  xValues,
  series,
  yMax,
  yFormat,
  width = 560,
  height = 260,
  testId,
}: {
  /** Unique on the page: the title's and description's element ids derive from it. */
  id: string;
  title: string;
  description: string;
  xLabels: string[];
  xValues: number[];
  series: LineSeries[];
  yMax?: number;
  yFormat: (v: number) => string;
  width?: number;
  height?: number;
  testId?: string;
}) {
  const margin = { top: 16, right: 16, bottom: 64, left: 52 };
  const max = yMax ?? Math.max(1e-9, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  // Evenly spaced points, whatever the gaps between the x values (1, 2, 5, 10 % would crowd the left).
  const point = scalePoint<number>().domain(xValues).range([margin.left, width - margin.right]).padding(0.3);
  const x = (v: number) => point(v) ?? margin.left;
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(5);
  const legendY = height - 16;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart" data-testid={testId}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#d5dae3" />
          <text x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="11" fill="#4a5568">
            {yFormat(t)}
          </text>
        </g>
      ))}
      {xValues.map((xv, i) => (
        <text key={xv} x={x(xv)} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#1a202c">
          {xLabels[i]}
        </text>
      ))}
      {series.map((s, si) => {
        const style = STYLES[si % STYLES.length]!;
        const points = s.values.map((v, i) => (v === null ? null : ([x(xValues[i]!), y(v)] as const))).filter((p): p is readonly [number, number] => p !== null);
        return (
          <g key={s.label}>
            <path d={points.map(([px, py], i) => `${i ? 'L' : 'M'}${px},${py}`).join(' ')} fill="none" stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.dash} />
            {points.map(([px, py], i) => (
              <Marker key={i} kind={style.marker} x={px} y={py} color={style.stroke} />
            ))}
            <g transform={`translate(${margin.left + si * ((width - margin.left) / series.length)}, ${legendY})`}>
              <line x1={0} x2={24} y1={0} y2={0} stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.dash} />
              <Marker kind={style.marker} x={12} y={0} color={style.stroke} />
              <text x={30} y={0} dy="0.32em" fontSize="11" fill="#1a202c">
                {s.label}
              </text>
            </g>
          </g>
        );
      })}
    </svg>
  );
}
