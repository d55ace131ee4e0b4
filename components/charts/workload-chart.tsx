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
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, SPC_COLOURS } from './palette';

export interface WorkloadRow {
  label: string;
  totalDelivery: number | null;
  flag: 'over' | 'under' | null;
}

const fmt = (value: number | null) => formatMetricValue('ratio', value);

/** Total delivery per consultant against the over- and under-delivery thresholds. */
export function WorkloadChart({
  label,
  rows,
  over,
  under,
  caption,
  testId,
}: {
  label: string;
  rows: WorkloadRow[];
  over: number;
  under: number;
  caption?: string;
  testId?: string;
}) {
  const table = (
    <DataTable
      caption={label}
      columns={['Consultant', 'Total delivery', 'Sustained flag']}
      rows={rows.map((row) => [
        row.label,
        fmt(row.totalDelivery),
        row.flag === 'over' ? 'Over-delivery' : row.flag === 'under' ? 'Under-delivery' : 'None',
      ])}
    />
  );
  const height = Math.max(180, rows.length * 26 + 60);
  return (
    <ChartFigure label={label} caption={caption} table={table} testId={testId} height={height}>
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
    </ChartFigure>
  );
}
