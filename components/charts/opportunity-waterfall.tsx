'use client';

import { lazy } from 'react';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import type { WaterfallBar } from './waterfall-data';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const OpportunityWaterfallDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({
    default: module.OpportunityWaterfallDrawing,
  })),
);

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
      <OpportunityWaterfallDrawing bars={bars} height={height} />
    </ChartFigure>
  );
}
