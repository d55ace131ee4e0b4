'use client';

import { toFunnelChartData } from '@/components/charts/funnel-data';
import { FunnelPlot } from '@/components/charts/funnel-plot';
import { OpportunityWaterfall } from '@/components/charts/opportunity-waterfall';
import { toWaterfallBars } from '@/components/charts/waterfall-data';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useMetricsReport } from '@/lib/client/hooks/use-metrics-report';
import type { ReportRequest } from '@/lib/client/metrics-requests';
import { describePeriod } from '@/lib/shared/periods';
import type { UnitReportResponse } from '@/lib/shared/schemas/metrics';
import { computeFunnel } from '@/lib/shared/stats';
import { fulfilmentFunnelUnits } from '../specialty/funnel-units';
import { overviewRequests } from './overview-requests';

/** Specialties' fulfilment on a funnel plot (delivered ÷ expected net), and the opportunity waterfall. */
export function SpecialtyFunnel({
  initial,
}: {
  initial: { request: ReportRequest; data: UnitReportResponse };
}) {
  const filter = useDashboardFilter();
  const query = useMetricsReport(overviewRequests(filter).specialties, initial);
  const report = query.data;
  const rows = report?.rows ?? [];
  const { units, labels } = fulfilmentFunnelUnits(rows);
  const period = describePeriod(report?.period ?? filter.period);
  return (
    <Panel aria-labelledby="specialty-funnel-heading">
      <SectionHeading id="specialty-funnel-heading">Fulfilment by specialty: funnel plot</SectionHeading>
      <QueryRegion queries={[query]} label="the funnel plot">
        {units.length < 2 || !report ? (
          <p>A funnel plot needs at least two specialties with expected sessions in the period.</p>
        ) : (
          <FunnelPlot
            label={`Funnel plot of session fulfilment (net) by specialty, ${period}`}
            unit="ratio"
            xLabel="Expected sessions (net)"
            data={toFunnelChartData(computeFunnel(units, { type: 'proportion' }), labels, {
              curvePoints: 80,
            })}
            target={report.parameters.fulfilmentTarget}
            caption={`Each point is a specialty (${period}). Dashed lines: 95% limits; solid: 99.8% limits, adjusted for over-dispersion. Diamonds lie outside the 99.8% limits. Fulfilment above 100% is drawn at 100%.`}
            testId="main-chart"
          />
        )}
        <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">Opportunity by specialty (patients a week)</h3>
        <OpportunityWaterfall
          label={`Opportunity in patients a week by specialty, ${period}`}
          bars={toWaterfallBars(
            rows.map((row) => ({ label: row.name, value: row.opportunityPerWeek.total })),
            'Total opportunity',
          )}
          caption="How the total opportunity builds up, largest specialty first."
        />
      </QueryRegion>
    </Panel>
  );
}
