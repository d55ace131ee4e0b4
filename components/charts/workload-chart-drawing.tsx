'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, SPC_COLOURS } from './palette';
import type { WorkloadRow } from './workload-chart';

const fmt = (value: number | null) => formatMetricValue('ratio', value);

/** WorkloadChart drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function WorkloadChartDrawing({
  rows,
  over,
  under,
  height,
}: {
  rows: WorkloadRow[];
  over: number;
  under: number;
  height: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      <BarChart data={rows} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#e8edee" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(value: number) => fmt(value)}
          tick={{ fill: '#212b32', fontSize: 13 }}
        />
        <YAxis type="category" dataKey="label" width={180} tick={{ fill: '#212b32', fontSize: 13 }} />
        <Tooltip formatter={(value) => fmt(typeof value === 'number' ? value : null)} />
        <ReferenceLine
          x={over}
          stroke={LINE_COLOURS.limit}
          strokeDasharray="6 4"
          label={{ value: `${fmt(over)}`, position: 'top', fill: '#212b32' }}
        />
        <ReferenceLine
          x={under}
          stroke={LINE_COLOURS.limit}
          strokeDasharray="6 4"
          label={{ value: `${fmt(under)}`, position: 'top', fill: '#212b32' }}
        />
        <Bar dataKey="totalDelivery" name="Total delivery" isAnimationActive={false}>
          {rows.map((row) => (
            <Cell
              key={row.label}
              fill={
                row.flag === 'over'
                  ? SPC_COLOURS.neutral
                  : row.flag === 'under'
                    ? SPC_COLOURS.concern
                    : SPC_COLOURS.commonCause
              }
            />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
