'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LostSessionsRow } from './lost-sessions-bar';
import { LOST_REASONS } from './palette';

/** LostSessionsBar drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function LostSessionsBarDrawing({ rows, height }: { rows: LostSessionsRow[]; height: number }) {
  return (
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
  );
}
