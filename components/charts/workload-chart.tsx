'use client';

import { lazy } from 'react';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const WorkloadChartDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({ default: module.WorkloadChartDrawing })),
);

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
      <WorkloadChartDrawing rows={rows} over={over} under={under} height={height} />
    </ChartFigure>
  );
}
