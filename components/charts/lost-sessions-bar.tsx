'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { LOST_REASONS, type LostReasonKey } from './palette';

export type LostSessionsRow = { label: string } & Record<LostReasonKey, number>;

/** Sessions lost or given up to leave, stacked by reason, one bar per unit. */
export function LostSessionsBar({
  label,
  rows,
  caption,
  testId,
}: {
  label: string;
  rows: LostSessionsRow[];
  caption?: string;
  testId?: string;
}) {
  const table = (
    <DataTable
      caption={label}
      columns={['Unit', ...LOST_REASONS.map((reason) => reason.label)]}
      rows={rows.map((row) => [
        row.label,
        ...LOST_REASONS.map((reason) => formatMetricValue('sessions', row[reason.key])),
      ])}
    />
  );
  const height = Math.max(160, rows.length * 32 + 80);
  return (
    <ChartFigure label={label} caption={caption} table={table} testId={testId} height={height}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e8edee" horizontal={false} />
          <XAxis type="number" tick={{ fill: '#212b32', fontSize: 13 }} />
          <YAxis type="category" dataKey="label" width={180} tick={{ fill: '#212b32', fontSize: 13 }} />
          <Tooltip />
          <Legend />
          {LOST_REASONS.map((reason) => (
            <Bar
              key={reason.key}
              dataKey={reason.key}
              name={reason.label}
              stackId="lost"
              fill={reason.colour}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
