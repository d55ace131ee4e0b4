'use client';

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricUnit } from '@/lib/shared/metrics';
import { RightMarginLabels } from './drawing-parts';
import { formatMetricValue, formatTick } from './format-value';
import { type LineLabel, rightMarginFor } from './margin-labels';
import { LINE_COLOURS, pointColour, TARGET_TEXT_COLOUR } from './palette';
import { formatShortDate, type SpcChartData } from './spc-data';

/** Notes (annotations) are drawn in NHS purple, apart from the SPC point colours. */
const NOTE_COLOUR = '#330072';
/** A rebase (new mean and limits from here) in the text colour. */
const REBASE_COLOUR = '#212b32';

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: { pointType: SpcChartData['rows'][number]['pointType']; x: string };
}

function SpcDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload?.pointType) return null;
  const colour = pointColour(payload.pointType);
  const isSpecial = payload.pointType !== 'common_cause';
  return (
    <circle
      cx={cx}
      cy={cy}
      r={isSpecial ? 5 : 3.5}
      fill={colour}
      stroke={isSpecial ? '#212b32' : colour}
      strokeWidth={isSpecial ? 1.5 : 1}
    />
  );
}

/** SpcChart drawn with recharts (tooltips), loaded on demand through chart-drawings.ts. */
export function SpcChartDrawing({
  unit,
  data,
  height,
  annotations,
  tickFontSize,
}: {
  unit: MetricUnit;
  data: SpcChartData;
  height: number;
  annotations: readonly { x: string; text: string }[];
  tickFontSize: number;
}) {
  const format = (value: number | null) => formatMetricValue(unit, value);
  // The target's label goes in the right margin beside its line, clear of the latest points and the limits.
  const labelFontSize = tickFontSize + 2;
  const lineLabels: LineLabel[] =
    data.target === null
      ? []
      : [{ value: data.target, lines: ['Target', format(data.target)], colour: TARGET_TEXT_COLOUR }];
  const right = rightMarginFor(lineLabels, labelFontSize, 20);
  // "Note" and "Rebased" sit above the plot, at the top of their lines, where no point can hide them; with both
  // kinds, "Rebased" takes a row of its own above the notes, as a note often falls in the week of the change.
  const rowHeight = tickFontSize + 4;
  const markRows = (annotations.length > 0 ? 1 : 0) + (data.rebaseAt.length > 0 ? 1 : 0);
  const top = markRows === 0 ? 10 : markRows * rowHeight + 8;
  const markLabel = (value: string, fill: string, row: number) => ({
    value,
    position: 'top' as const,
    offset: 5 + row * rowHeight,
    fill,
    fontSize: tickFontSize,
  });
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      <ComposedChart data={data.rows} margin={{ top, right, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#e8edee" vertical={false} />
        <XAxis
          dataKey="x"
          tickFormatter={formatShortDate}
          minTickGap={24}
          tick={{ fill: '#212b32', fontSize: tickFontSize }}
        />
        <YAxis
          domain={data.domain}
          ticks={data.ticks}
          tickFormatter={(value: number) => formatTick(format(value))}
          width={Math.round(tickFontSize * 5)}
          tick={{ fill: '#212b32', fontSize: tickFontSize }}
        />
        <Tooltip
          labelFormatter={(value) => formatShortDate(String(value))}
          formatter={(value) => format(typeof value === 'number' ? value : null)}
        />
        {data.groups.flatMap((group) => [
          <Line
            key={`mean${group}`}
            dataKey={`mean${group}`}
            name="Mean"
            stroke={LINE_COLOURS.mean}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />,
          <Line
            key={`upl${group}`}
            dataKey={`upl${group}`}
            name="Upper process limit"
            stroke={LINE_COLOURS.limit}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />,
          <Line
            key={`lpl${group}`}
            dataKey={`lpl${group}`}
            name="Lower process limit"
            stroke={LINE_COLOURS.limit}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />,
        ])}
        {data.rebaseAt.map((x) => (
          <ReferenceLine
            key={x}
            x={x}
            stroke={REBASE_COLOUR}
            strokeDasharray="2 2"
            label={markLabel('Rebased', REBASE_COLOUR, annotations.length > 0 ? 1 : 0)}
          />
        ))}
        {annotations.map((annotation) => (
          <ReferenceLine
            key={`note-${annotation.x}`}
            x={annotation.x}
            stroke={NOTE_COLOUR}
            strokeWidth={2}
            strokeDasharray="3 3"
            label={markLabel('Note', NOTE_COLOUR, 0)}
          />
        ))}
        {data.target !== null && (
          <ReferenceLine
            y={data.target}
            stroke={LINE_COLOURS.target}
            strokeWidth={2}
            strokeDasharray="10 4"
          />
        )}
        <Line
          dataKey="y"
          name="Value"
          stroke={LINE_COLOURS.series}
          strokeWidth={1.5}
          dot={<SpcDot />}
          activeDot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <RightMarginLabels labels={lineLabels} fontSize={labelFontSize} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
