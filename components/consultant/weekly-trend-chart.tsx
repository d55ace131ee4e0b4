'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '@/components/format';

/** One week of an SPC (XmR) series, shaped on the server. */
export interface TrendPoint {
  /** Monday of the week (ISO). */
  x: string;
  y: number | null;
  mean: number | null;
  upl: number | null;
  lpl: number | null;
  /** Special cause: 'improvement', 'concern', 'neutral', or null for common cause. */
  signal: 'improvement' | 'concern' | 'neutral' | null;
}

// Making Data Count icon colours (colour-blind safe): common cause grey, improvement blue, concern orange,
// neutral purple; special-cause points are also drawn larger and as squares, so colour is not the only cue.
const SIGNAL_COLOURS = { improvement: '#0072b2', concern: '#c75300', neutral: '#6a3d9a' } as const;
const COMMON_CAUSE = '#6b7378';

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrendPoint;
}

function SignalDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.y === null) return null;
  if (payload.signal === null) return <circle cx={cx} cy={cy} r={3} fill={COMMON_CAUSE} />;
  return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={SIGNAL_COLOURS[payload.signal]} />;
}

interface WeeklyTrendChartProps {
  points: TrendPoint[];
  /** What y is, e.g. "Sessions held". */
  label: string;
}

/** A small XmR chart of a weekly series: values, mean and process limits, special-cause weeks marked. */
export function WeeklyTrendChart({ points, label }: WeeklyTrendChartProps) {
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#d8dde0" vertical={false} />
          <XAxis dataKey="x" tickFormatter={(x: string) => formatDate(x).slice(0, 5)} minTickGap={24} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip
            labelFormatter={(x) => `Week beginning ${formatDate(String(x))}`}
            formatter={(value, name) => [typeof value === 'number' ? value.toFixed(1) : String(value), name]}
          />
          <Line
            dataKey="upl"
            name="Upper process limit"
            stroke="#425563"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="lpl"
            name="Lower process limit"
            stroke="#425563"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="mean" name="Mean" stroke="#212b32" dot={false} isAnimationActive={false} />
          <Line
            dataKey="y"
            name={label}
            stroke="#212b32"
            strokeWidth={2}
            dot={<SignalDot />}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
