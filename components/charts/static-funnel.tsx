import type { FunnelChartData } from './funnel-data';
import { LINE_COLOURS, SPC_COLOURS } from './palette';

const WIDTH = 800;
const MARGIN = { top: 10, right: 20, bottom: 44, left: 74 };

/** Round tick steps (1, 2, 2.5, 5 × 10^n) giving about `count` ticks over the span. */
function ticksOf(low: number, high: number, count: number): number[] {
  const span = high - low || 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((multiple) => multiple * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high + step * 1e-9; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

/**
 * The funnel plot drawn as plain SVG on the server, so that it is on screen with the page's HTML; the interactive
 * chart (tooltips) replaces it once the browser has drawn it. Same marks: points (outliers as diamonds), 95%
 * (dashed) and 99.8% (solid) limits, the overall line and the target.
 */
export function StaticFunnel({
  data,
  height,
  target,
  format,
  formatX,
  xLabel,
}: {
  data: FunnelChartData;
  height: number;
  target: number | null;
  format: (value: number) => string;
  formatX: (value: number) => string;
  xLabel: string;
}) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const xMax = Math.max(1, ...data.points.map((point) => point.x), ...data.curve.map((row) => row.x));
  const values = [...data.points.map((point) => point.y), data.centre, ...(target === null ? [] : [target])];
  const spread = Math.max(...values) - Math.min(...values) || Math.abs(data.centre) || 1;
  const yLow = Math.min(...values) - spread * 0.15;
  const yHigh = Math.max(...values) + spread * 0.15;
  const x = (value: number) => MARGIN.left + (value / xMax) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - (value - yLow) / (yHigh - yLow)) * plotHeight;
  const path = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    data.curve
      .filter((row) => Number.isFinite(row[key]))
      .map((row, index) => `${index === 0 ? 'M' : 'L'}${x(row.x).toFixed(1)},${y(row[key]).toFixed(1)}`)
      .join('');
  const clipId = 'static-funnel-plot-area';
  return (
    <svg
      className="static-funnel"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="xMinYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={MARGIN.left} y={MARGIN.top} width={plotWidth} height={plotHeight} />
        </clipPath>
      </defs>
      {ticksOf(yLow, yHigh, 5).map((tick) => (
        <g key={`y${tick}`}>
          <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} stroke="#e8edee" />
          <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={13} fill="#212b32">
            {format(tick)}
          </text>
        </g>
      ))}
      {ticksOf(0, xMax, 6).map((tick) => (
        <text
          key={`x${tick}`}
          x={x(tick)}
          y={MARGIN.top + plotHeight + 18}
          textAnchor="middle"
          fontSize={13}
          fill="#212b32"
        >
          {formatX(tick)}
        </text>
      ))}
      <text x={MARGIN.left + plotWidth / 2} y={height - 6} textAnchor="middle" fontSize={13} fill="#212b32">
        {xLabel}
      </text>
      <g clipPath={`url(#${clipId})`} fill="none">
        <path d={path('upper998')} stroke={LINE_COLOURS.limit} />
        <path d={path('lower998')} stroke={LINE_COLOURS.limit} />
        <path d={path('upper95')} stroke={LINE_COLOURS.limit} strokeDasharray="5 4" />
        <path d={path('lower95')} stroke={LINE_COLOURS.limit} strokeDasharray="5 4" />
        <line
          x1={MARGIN.left}
          x2={MARGIN.left + plotWidth}
          y1={y(data.centre)}
          y2={y(data.centre)}
          stroke={LINE_COLOURS.mean}
        />
        {target !== null && (
          <line
            x1={MARGIN.left}
            x2={MARGIN.left + plotWidth}
            y1={y(target)}
            y2={y(target)}
            stroke={LINE_COLOURS.target}
            strokeWidth={2}
            strokeDasharray="10 4"
          />
        )}
      </g>
      {data.points.map((point) => {
        const cx = x(point.x);
        const cy = y(point.y);
        return point.outlier ? (
          <path
            key={point.id}
            d={`M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`}
            fill={SPC_COLOURS.neutral}
            stroke="#212b32"
          />
        ) : (
          <circle key={point.id} cx={cx} cy={cy} r={4.5} fill={SPC_COLOURS.improvement} stroke="#fff" />
        );
      })}
    </svg>
  );
}
