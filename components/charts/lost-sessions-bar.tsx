'use client';

import { lazy } from 'react';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import { LOST_REASONS, type LostReasonKey } from './palette';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const LostSessionsBarDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({ default: module.LostSessionsBarDrawing })),
);

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
      <LostSessionsBarDrawing rows={rows} height={height} />
    </ChartFigure>
  );
}
