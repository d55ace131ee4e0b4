'use client';

import { lazy } from 'react';
import { ExportButtons } from '@/components/export/export-buttons';
import { formatDate } from '@/components/format';
import type { MetricUnit } from '@/lib/shared/metrics';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { POINT_TYPE_LABELS } from './palette';
import type { SpcChartData } from './spc-data';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const SpcChartDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({ default: module.SpcChartDrawing })),
);

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
  /** Axis and note label size in px: 13 on pages, larger on a projector (review meetings); the target's is 2px larger. */
  tickFontSize?: number;
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
          formatDate(row.x),
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
      <SpcChartDrawing
        unit={unit}
        data={data}
        height={height}
        annotations={annotations}
        tickFontSize={tickFontSize}
      />
    </ChartFigure>
  );
}
