'use client';

import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  useChartWidth,
  usePlotArea,
  useXAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import type { DistributionSummary } from './distribution-data';
import type { DistributionPoint } from './distribution-plot';
import { formatMetricValue } from './format-value';
import { type LineLabel, MarginLabelsSvg, placeTopLabels, topMarginFor } from './margin-labels';
import { LINE_COLOURS, SPC_COLOURS, TARGET_TEXT_COLOUR } from './palette';

const fmt = (value: number | null) => formatMetricValue('patientsPerSession', value);
const LABEL_FONT_SIZE = 15;

/** The median and target lines' labels in the chart's top margin, beside them (see margin-labels.tsx). */
function TopMarginLabels({ labels, fontSize }: { labels: readonly LineLabel[]; fontSize: number }) {
  const plot = usePlotArea();
  const chartWidth = useChartWidth();
  const scale = useXAxisScale();
  if (!plot || !scale || chartWidth === undefined) return null;
  return (
    <MarginLabelsSvg
      placed={placeTopLabels(labels, { plot, chartWidth, toX: scale, fontSize })}
      fontSize={fontSize}
    />
  );
}

/** DistributionPlot drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function DistributionPlotDrawing({
  points,
  summary,
  median,
  target,
}: {
  points: DistributionPoint[];
  summary: DistributionSummary | null;
  median: number | null;
  target: number | null;
}) {
  // Spread points vertically by a deterministic jitter so that equal values stay visible.
  const data = points.map((point, index) => ({ ...point, y: ((index * 37) % 17) / 17 + 0.1 }));
  // The median and target lines are labelled above the plot, clear of the points and the box.
  const lineLabels: LineLabel[] = [
    ...(median === null
      ? []
      : [{ value: median, lines: [`Median ${fmt(median)}`], colour: LINE_COLOURS.mean }]),
    ...(target === null
      ? []
      : [{ value: target, lines: [`Target ${fmt(target)}`], colour: TARGET_TEXT_COLOUR }]),
  ];
  const top = topMarginFor(lineLabels, LABEL_FONT_SIZE, 20);
  return (
    <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 800, height: 180 }}>
      <ScatterChart margin={{ top, right: 20, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#e8edee" vertical={false} />
        <XAxis
          type="number"
          dataKey="value"
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => fmt(value)}
          tick={{ fill: '#212b32', fontSize: 13 }}
        />
        <YAxis type="number" dataKey="y" domain={[0, 1.2]} hide />
        <Tooltip formatter={(value) => (typeof value === 'number' ? fmt(value) : String(value))} />
        {summary && (
          <ReferenceArea
            x1={summary.q1}
            x2={summary.q3}
            y1={0.05}
            y2={1.15}
            fill="#e8edee"
            stroke={LINE_COLOURS.limit}
          />
        )}
        {median !== null && <ReferenceLine x={median} stroke={LINE_COLOURS.mean} strokeWidth={2} />}
        {target !== null && (
          <ReferenceLine x={target} stroke={LINE_COLOURS.target} strokeWidth={2} strokeDasharray="10 4" />
        )}
        <Scatter
          data={data}
          isAnimationActive={false}
          shape={(props: { cx?: number; cy?: number; payload?: { isHighlighted?: boolean } }) =>
            props.cx === undefined || props.cy === undefined ? (
              <g />
            ) : (
              <circle
                cx={props.cx}
                cy={props.cy}
                r={props.payload?.isHighlighted ? 7 : 4.5}
                fill={props.payload?.isHighlighted ? SPC_COLOURS.concern : SPC_COLOURS.improvement}
                stroke="#212b32"
                strokeWidth={props.payload?.isHighlighted ? 2 : 0.5}
              />
            )
          }
        />
        <TopMarginLabels labels={lineLabels} fontSize={LABEL_FONT_SIZE} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
