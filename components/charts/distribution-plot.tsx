'use client';

import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure, DataTable } from './chart-figure';
import type { DistributionSummary } from './distribution-data';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, SPC_COLOURS } from './palette';

export interface DistributionPoint {
  label: string;
  value: number;
  /** The viewer's own value, highlighted. */
  isHighlighted?: boolean;
}

const fmt = (value: number | null) => formatMetricValue('patientsPerSession', value);

/** Strip plot with a box (quartiles) of consultants' cases per session, the specialty median and the target. */
export function DistributionPlot({
  label,
  points,
  summary,
  median,
  target,
  caption,
  testId,
}: {
  label: string;
  points: DistributionPoint[];
  summary: DistributionSummary | null;
  median: number | null;
  target: number | null;
  caption?: string;
  testId?: string;
}) {
  // Spread points vertically by a deterministic jitter so that equal values stay visible.
  const data = points.map((point, index) => ({ ...point, y: ((index * 37) % 17) / 17 + 0.1 }));
  const table = (
    <DataTable
      caption={label}
      columns={['Consultant', 'Patients or cases per session']}
      rows={points.map((point) => [point.label, fmt(point.value)])}
    />
  );
  return (
    <ChartFigure label={label} caption={caption} table={table} testId={testId} height={180}>
      <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 800, height: 180 }}>
        <ScatterChart margin={{ top: 20, right: 20, bottom: 10, left: 10 }}>
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
          {median !== null && (
            <ReferenceLine
              x={median}
              stroke={LINE_COLOURS.mean}
              strokeWidth={2}
              label={{ value: `Median ${fmt(median)}`, position: 'top', fill: '#212b32' }}
            />
          )}
          {target !== null && (
            <ReferenceLine
              x={target}
              stroke={LINE_COLOURS.target}
              strokeWidth={2}
              strokeDasharray="10 4"
              label={{ value: `Target ${fmt(target)}`, position: 'insideBottom', fill: '#00401e' }}
            />
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
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
