'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, SPC_COLOURS } from './palette';
import type { WaterfallBar } from './waterfall-data';

const fmt = (value: number | null) => formatMetricValue('patientsPerWeek', value);

/** OpportunityWaterfall drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function OpportunityWaterfallDrawing({ bars, height }: { bars: WaterfallBar[]; height: number }) {
  return (
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
  );
}
