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
import { ExportButtons } from '@/components/export/export-buttons';
import type { MetricUnit } from '@/lib/shared/metrics';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { LINE_COLOURS, POINT_TYPE_LABELS, pointColour } from './palette';
import type { SpcChartData } from './spc-data';

interface SpcChartProps {
  label: string;
  unit: MetricUnit;
  data: SpcChartData;
  caption?: string;
  height?: number;
  testId?: string;
  /** When set, the chart's data can be downloaded as CSV and XLSX under this name. */
  exportName?: string;
  /** Notes to mark on the chart, each at the x of a row (drawn as a labelled line, and a column of the table). */
  annotations?: readonly { x: string; text: string }[];
  /** Axis and note label size in px: 13 on pages, larger on a projector (review meetings). */
  tickFontSize?: number;
}

/** Notes (annotations) are drawn in NHS purple, apart from the SPC point colours. */
const NOTE_COLOUR = '#330072';

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;

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

/** XmR chart: values coloured by point type, mean, process limits per rebase group, breaks and target. */
export function SpcChart({
  label,
  unit,
  data,
  caption,
  height = 300,
  testId,
  exportName,
  annotations = [],
  tickFontSize = 13,
}: SpcChartProps) {
  const noteAt = new Map(annotations.map((annotation) => [annotation.x, annotation.text]));
  const format = (value: number | null) => formatMetricValue(unit, value);
  const groupOf = (row: SpcChartData['rows'][number]) =>
    data.groups.find((g) => row[`mean${g}`] !== null) ?? 0;
  const table = (
    <DataTable
      caption={label}
      columns={[
        'Period starting',
        'Value',
        'Mean',
        'Lower limit',
        'Upper limit',
        'Variation',
        ...(annotations.length > 0 ? ['Notes'] : []),
      ]}
      rows={data.rows.map((row) => {
        const group = groupOf(row);
        return [
          uk(row.x),
          format(row.y),
          format(row[`mean${group}`] ?? null),
          format(row[`lpl${group}`] ?? null),
          format(row[`upl${group}`] ?? null),
          row.pointType ? POINT_TYPE_LABELS[row.pointType] : 'No data',
          ...(annotations.length > 0 ? [noteAt.get(row.x) ?? ''] : []),
        ];
      })}
    />
  );
  const exportTable = exportName
    ? {
        columns: [
          'Period starting',
          'Value',
          'Mean',
          'Lower process limit',
          'Upper process limit',
          'Variation',
        ],
        rows: data.rows.map((row) => {
          const group = groupOf(row);
          return [
            row.x,
            row.y,
            row[`mean${group}`] ?? null,
            row[`lpl${group}`] ?? null,
            row[`upl${group}`] ?? null,
            row.pointType ? POINT_TYPE_LABELS[row.pointType] : 'No data',
          ];
        }),
      }
    : null;
  return (
    <ChartFigure
      label={label}
      caption={caption}
      table={table}
      testId={testId}
      height={height}
      actions={exportName && exportTable ? <ExportButtons name={exportName} table={exportTable} /> : null}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
        <ComposedChart data={data.rows} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e8edee" vertical={false} />
          <XAxis
            dataKey="x"
            tickFormatter={uk}
            minTickGap={24}
            tick={{ fill: '#212b32', fontSize: tickFontSize }}
          />
          <YAxis
            domain={data.domain}
            tickFormatter={(value: number) => format(value)}
            width={Math.round(tickFontSize * 5)}
            tick={{ fill: '#212b32', fontSize: tickFontSize }}
          />
          <Tooltip
            labelFormatter={(value) => uk(String(value))}
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
            <ReferenceLine key={x} x={x} stroke="#212b32" strokeDasharray="2 2" label="Rebased" />
          ))}
          {annotations.map((annotation) => (
            <ReferenceLine
              key={`note-${annotation.x}`}
              x={annotation.x}
              stroke={NOTE_COLOUR}
              strokeWidth={2}
              strokeDasharray="3 3"
              label={{ value: 'Note', position: 'insideTopLeft', fill: NOTE_COLOUR, fontSize: tickFontSize }}
            />
          ))}
          {data.target !== null && (
            <ReferenceLine
              y={data.target}
              stroke={LINE_COLOURS.target}
              strokeWidth={2}
              strokeDasharray="10 4"
              label={{ value: `Target ${format(data.target)}`, position: 'insideTopRight', fill: '#00401e' }}
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
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
