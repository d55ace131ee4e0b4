'use client';

import { lazy } from 'react';
import { ChartFigure, DataTable } from './chart-figure';
import type { DistributionSummary } from './distribution-data';
import { formatMetricValue } from './format-value';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const DistributionPlotDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({ default: module.DistributionPlotDrawing })),
);

export interface DistributionPoint {
  label: string;
  value: number;
  /** The viewer's own value, highlighted. */
  isHighlighted?: boolean;
}

const fmt = (value: number | null) => formatMetricValue('patientsPerSession', value);

/** Strip plot with a box (quartiles) of consultants' cases per session, the specialty median and the target. */
export function DistributionPlot({
  label,
  points,
  summary,
  median,
  target,
  caption,
  testId,
}: {
  label: string;
  points: DistributionPoint[];
  summary: DistributionSummary | null;
  median: number | null;
  target: number | null;
  caption?: string;
  testId?: string;
}) {
  const table = (
    <DataTable
      caption={label}
      columns={['Consultant', 'Patients or cases per session']}
      rows={points.map((point) => [point.label, fmt(point.value)])}
    />
  );
  return (
    <ChartFigure label={label} caption={caption} table={table} testId={testId} height={180}>
      <DistributionPlotDrawing points={points} summary={summary} median={median} target={target} />
    </ChartFigure>
  );
}
