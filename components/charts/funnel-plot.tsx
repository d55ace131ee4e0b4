'use client';

import { lazy } from 'react';
import type { MetricUnit } from '@/lib/shared/metrics';
import { ChartFigure, DataTable } from './chart-figure';
import { formatMetricValue } from './format-value';
import type { FunnelChartData } from './funnel-data';
import { StaticFunnel } from './static-funnel';

/** The recharts drawing, loaded when a chart is first drawn (see chart-drawings.ts). */
const FunnelPlotDrawing = lazy(() =>
  import('./chart-drawings').then((module) => ({ default: module.FunnelPlotDrawing })),
);

interface FunnelPlotProps {
  label: string;
  unit: MetricUnit;
  xLabel: string;
  data: FunnelChartData;
  target?: number | null;
  caption?: string;
  testId?: string;
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Funnel plot: each unit's value against its denominator, 95% and 99.8% limits around the centre, target. */
export function FunnelPlot({ label, unit, xLabel, data, target, caption, testId }: FunnelPlotProps) {
  const format = (value: number | null) => formatMetricValue(unit, value);
  const table = (
    <DataTable
      caption={label}
      columns={['Unit', xLabel, 'Value', 'Outside 99.8% limits']}
      rows={data.points.map((point) => [
        point.label,
        whole.format(point.x),
        format(point.y),
        point.outlier === 'high' ? 'Yes, above' : point.outlier === 'low' ? 'Yes, below' : 'No',
      ])}
    />
  );
  return (
    <ChartFigure
      label={label}
      caption={caption}
      table={table}
      testId={testId}
      height={320}
      placeholder={
        <StaticFunnel
          data={data}
          height={320}
          target={target ?? null}
          format={(value) => format(value)}
          formatX={(value) => whole.format(value)}
          xLabel={xLabel}
        />
      }
    >
      <FunnelPlotDrawing unit={unit} xLabel={xLabel} data={data} target={target} />
    </ChartFigure>
  );
}
