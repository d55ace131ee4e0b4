'use client';

import { toFunnelChartData } from '@/components/charts/funnel-data';
import { FunnelPlot } from '@/components/charts/funnel-plot';
import { SpcChart } from '@/components/charts/spc-chart';
import { toSpcChartData } from '@/components/charts/spc-data';
import { SpcIcons } from '@/components/charts/spc-icons';
import type { PerSessionView } from '@/components/dashboard/per-session-views';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { describeLimitsFrom, LimitsFromSelect, useLimitsFrom } from '@/components/filters/limits-from-select';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useMetricsSeries } from '@/lib/client/hooks/use-metrics-series';
import type { SeriesRequest } from '@/lib/client/metrics-requests';
import { getMetric } from '@/lib/shared/metrics';
import { describeWeeks, wholeWeeksOnly } from '@/lib/shared/periods';
import type { SeriesResponse, UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';
import { computeCasesPerSessionFunnel, computeFunnel, computeSpc } from '@/lib/shared/stats';
import { casesPerSessionFunnelRows, fulfilmentFunnelUnits } from './funnel-units';
import { specialtyRequests } from './specialty-requests';

/** Funnel plots of the consultants' fulfilment and cases per session (95% and 99.8% limits). */
export function SpecialtyFunnels({
  rows,
  perSession,
  period,
  fulfilmentTarget,
}: {
  rows: UnitReportRow[];
  /** Patients or cases per session, one funnel per activity category (see perSessionViews). */
  perSession: readonly PerSessionView[];
  period: string;
  fulfilmentTarget: number;
}) {
  const fulfilment = fulfilmentFunnelUnits(rows);
  const labels = new Map(rows.map((row) => [row.key, row.name]));
  return (
    <Panel aria-labelledby="funnels-heading">
      <SectionHeading id="funnels-heading">Variation between consultants</SectionHeading>
      <h3 className="mb-3 text-[1.375rem] font-bold">Session fulfilment (net)</h3>
      {fulfilment.units.length < 2 ? (
        <p className="mb-6">A funnel plot needs at least two consultants with expected sessions.</p>
      ) : (
        <FunnelPlot
          label={`Funnel plot of consultants' session fulfilment (net), ${period}`}
          unit="ratio"
          xLabel="Expected sessions (net)"
          data={toFunnelChartData(computeFunnel(fulfilment.units, { type: 'proportion' }), fulfilment.labels)}
          target={fulfilmentTarget}
          caption={`Each point is a consultant (${period}). Dashed: 95% limits; solid: 99.8% limits around the specialty's fulfilment, adjusted for over-dispersion. Diamonds lie outside the 99.8% limits.`}
          testId="main-chart"
        />
      )}
      {perSession.map((view) => (
        <CasesPerSessionFunnel key={view.category} view={view} labels={labels} period={period} />
      ))}
    </Panel>
  );
}

function CasesPerSessionFunnel({
  view,
  labels,
  period,
}: {
  view: PerSessionView;
  labels: ReadonlyMap<string, string>;
  period: string;
}) {
  const casesRows = casesPerSessionFunnelRows(view.rows);
  const cases = casesRows.length >= 2 ? computeCasesPerSessionFunnel(casesRows) : null;
  return (
    <>
      <h3 className="mt-6 mb-3 text-[1.375rem] font-bold">{view.label}</h3>
      {cases === null ? (
        <p>A funnel plot needs at least two consultants with held sessions.</p>
      ) : (
        <FunnelPlot
          label={`Funnel plot of consultants' ${view.label.toLowerCase()}, ${period}`}
          unit="patientsPerSession"
          xLabel="Held sessions"
          data={toFunnelChartData(cases, labels, {
            scale: cases.pooledRate,
            toX: (expected) => expected / cases.pooledRate,
          })}
          caption={`Each point is a consultant (${period}), against the specialty's pooled rate with 95% and 99.8% limits.`}
        />
      )}
    </>
  );
}

/** SPC charts of the specialty's weekly patients a week and fulfilment, over the year to the period's end. */
export function SpecialtySpc({
  specialtyId,
  initial,
}: {
  specialtyId: number;
  initial: { request: SeriesRequest; data: SeriesResponse; fulfilmentTarget: number };
}) {
  const filter = useDashboardFilter();
  const request = specialtyRequests(filter, specialtyId).weekly;
  const query = useMetricsSeries(request, initial);
  const weekly = wholeWeeksOnly(query.data?.series[0]?.points);
  const window = describeWeeks(weekly);
  const weekStarts = weekly.map((point) => point.from);
  const limitsFrom = useLimitsFrom(weekStarts);
  const rebaseAt = limitsFrom === null ? [] : [limitsFrom];
  const patients = computeSpc(
    weekly.map((point) => ({ x: point.from, y: point.patientsPerWeek })),
    { improvementDirection: getMetric('patientsPerWeek').direction, rebaseAt },
  );
  const fulfilment = computeSpc(
    weekly.map((point) => ({ x: point.from, y: point.fulfilmentNet })),
    {
      improvementDirection: getMetric('fulfilmentNet').direction,
      target: initial.fulfilmentTarget,
      rebaseAt,
    },
  );
  return (
    <Panel aria-labelledby="spc-heading">
      <SectionHeading id="spc-heading">Week by week (SPC)</SectionHeading>
      <QueryRegion queries={[query]} label="the SPC charts">
        {weekly.length < 2 ? (
          <p>Too few weeks of data for an SPC chart.</p>
        ) : (
          <>
            <LimitsFromSelect weekStarts={weekStarts} value={limitsFrom} />
            <h3 className="mb-2 text-[1.375rem] font-bold">
              <a href="/definitions#patientsPerWeek">Patients or cases per week</a>
            </h3>
            <SpcIcons
              variation={patients.variation?.icon ?? null}
              assurance={patients.assurance?.icon ?? null}
            />
            <SpcChart
              label={`SPC chart of weekly patients or cases, ${window}`}
              unit="patientsPerWeek"
              data={toSpcChartData(patients)}
              caption={`Over ${window}. Mean and process limits (dashed); larger outlined points are special causes (blue improvement, orange concern).${describeLimitsFrom(patients, limitsFrom)}`}
            />
            <h3 className="mt-6 mb-2 text-[1.375rem] font-bold">
              <a href="/definitions#fulfilmentNet">Session fulfilment (net)</a>
            </h3>
            <SpcIcons
              variation={fulfilment.variation?.icon ?? null}
              assurance={fulfilment.assurance?.icon ?? null}
            />
            <SpcChart
              label={`SPC chart of weekly session fulfilment (net), ${window}`}
              unit="ratio"
              data={toSpcChartData(fulfilment)}
              caption={`Over ${window}, with the fulfilment target (green dashed line).${describeLimitsFrom(fulfilment, limitsFrom)}`}
            />
          </>
        )}
      </QueryRegion>
    </Panel>
  );
}
