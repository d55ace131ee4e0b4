'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, SPC_COLOURS } from './palette';
import type { WaterfallBar } from './waterfall-data';

const fmt = (value: number | null) => formatMetricValue('patientsPerWeek', value);

/** Opportunity (patients a week) built up unit by unit to the total. */
export function OpportunityWaterfall({
  label,
  bars,
  caption,
  testId,
}: {
  label: string;
  bars: WaterfallBar[];
  caption?: string;
  testId?: string;
}) {
  const table = (
    <DataTable
      caption={label}
      columns={['Unit', 'Opportunity (patients a week)']}
      rows={bars.map((bar) => [bar.label, fmt(bar.value)])}
    />
  );
  const height = Math.max(180, bars.length * 28 + 60);
  return (
    <ChartFigure label={label} caption={caption} table={table} testId={testId} height={height}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
        <BarChart data={bars} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e8edee" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={(value: number) => fmt(value)}
            tick={{ fill: '#212b32', fontSize: 13 }}
          />
          <YAxis type="category" dataKey="label" width={200} tick={{ fill: '#212b32', fontSize: 13 }} />
          <Tooltip formatter={(value, name) => (name === 'base' ? [null, null] : fmt(Number(value)))} />
          <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} legendType="none" />
          <Bar dataKey="value" name="Opportunity" stackId="w" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.label} fill={bar.isTotal ? LINE_COLOURS.mean : SPC_COLOURS.improvement} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
