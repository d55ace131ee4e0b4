'use client';

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricUnit } from '@/lib/shared/metrics';
import { RightMarginLabels } from './drawing-parts';
import { formatMetricValue, formatTick } from './format-value';
import { type FunnelChartData, type FunnelChartPoint, funnelXAxis, funnelYAxis } from './funnel-data';
import { funnelMarginLabels } from './margin-labels';
import { LINE_COLOURS, SPC_COLOURS } from './palette';

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: FunnelChartPoint;
}

function FunnelPoint({ cx, cy, payload }: ShapeProps) {
  if (cx === undefined || cy === undefined) return null;
  if (payload?.outlier) {
    const colour = SPC_COLOURS.neutral;
    // Outliers are diamonds as well as coloured, so that the shape alone tells them apart.
    return (
      <path
        d={`M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`}
        fill={colour}
        stroke="#212b32"
      />
    );
  }
  return <circle cx={cx} cy={cy} r={4.5} fill={SPC_COLOURS.improvement} stroke="#fff" />;
}

/** The hidden y axis of the limit lines: the visible one's domain, with the lines cut at its ends. */
const LIMITS_AXIS = 'limits';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** FunnelPlot drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function FunnelPlotDrawing({
  unit,
  xLabel,
  data,
  target,
}: {
  unit: MetricUnit;
  xLabel: string;
  data: FunnelChartData;
  target?: number | null;
}) {
  const format = (value: number | null) => formatMetricValue(unit, value);
  // The overall and target lines are labelled in the right margin, clear of the points and the limits (the
  // static funnel shown before this drawing lays out its margin and labels alike).
  const {
    labels: lineLabels,
    fontSize: labelFontSize,
    right,
  } = funnelMarginLabels({ centre: data.centre, target, format });
  // Zoomed to the points and the limits beside them (funnelYAxis). The limits are drawn against a hidden copy of
  // the axis that cuts them at the plot's edges where they fan out; the points, on the visible one, are never cut.
  const yAxis = funnelYAxis(data, target);
  const xAxis = funnelXAxis(data);
  return (
    <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 800, height: 320 }}>
      <ComposedChart margin={{ top: 10, right, bottom: 24, left: 10 }}>
        <CartesianGrid stroke="#e8edee" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, xAxis.max]}
          ticks={xAxis.ticks}
          tickFormatter={(value: number) => whole.format(value)}
          label={{ value: xLabel, position: 'insideBottom', offset: -12, fill: '#212b32' }}
          tick={{ fill: '#212b32', fontSize: 13 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          tickFormatter={(value: number) => formatTick(format(value))}
          width={64}
          tick={{ fill: '#212b32', fontSize: 13 }}
        />
        <YAxis yAxisId={LIMITS_AXIS} type="number" domain={yAxis.domain} allowDataOverflow hide />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} />
        <Line
          data={data.curve}
          yAxisId={LIMITS_AXIS}
          dataKey="upper998"
          name="99.8% upper limit"
          stroke={LINE_COLOURS.limit}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          data={data.curve}
          yAxisId={LIMITS_AXIS}
          dataKey="lower998"
          name="99.8% lower limit"
          stroke={LINE_COLOURS.limit}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          data={data.curve}
          yAxisId={LIMITS_AXIS}
          dataKey="upper95"
          name="95% upper limit"
          stroke={LINE_COLOURS.limit}
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          data={data.curve}
          yAxisId={LIMITS_AXIS}
          dataKey="lower95"
          name="95% lower limit"
          stroke={LINE_COLOURS.limit}
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
        <ReferenceLine y={data.centre} stroke={LINE_COLOURS.mean} />
        {target !== null && target !== undefined && (
          <ReferenceLine y={target} stroke={LINE_COLOURS.target} strokeWidth={2} strokeDasharray="10 4" />
        )}
        <Scatter data={data.points} name="Units" shape={<FunnelPoint />} isAnimationActive={false} />
        <RightMarginLabels labels={lineLabels} fontSize={labelFontSize} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
