'use client';

import { formatChange, formatMetricValue } from '@/components/charts/format-value';
import { describePerSession } from '@/components/dashboard/per-session-views';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter, useDivisionOptions } from '@/components/filters/dashboard-filter-context';
import { useMetricsReport } from '@/lib/client/hooks/use-metrics-report';
import { useMetricsSeries } from '@/lib/client/hooks/use-metrics-series';
import { baselineChange, isWhollyCovered } from '@/lib/shared/baseline-change';
import { getMetric } from '@/lib/shared/metrics';
import { categoriesHeld, PER_SESSION_LABELS } from '@/lib/shared/per-session';
import { describePeriod, describeWeeks, wholeWeeksOnly } from '@/lib/shared/periods';
import type { SeriesPointResponse, SeriesResponse, UnitReportResponse } from '@/lib/shared/schemas/metrics';
import { MetricTile, PerCategoryMetricTile } from './metric-tile';
import { type OverviewRequests, overviewRequests } from './overview-requests';
import { spcIconsOf } from './spc-summary';

export interface HeadlineTilesInitial {
  requests: OverviewRequests;
  headline: UnitReportResponse;
  weekly: SeriesResponse;
  baseline: UnitReportResponse;
}

/**
 * The six headline figures for the trust (or the division chosen), each with SPC icons and a sparkline. The
 * server's numbers paint first; a changed filter refetches them from the metrics API.
 */
export function HeadlineTiles({ initial }: { initial: HeadlineTilesInitial }) {
  const filter = useDashboardFilter();
  const division = useDivisionOptions().find((option) => option.id === filter.divisionId) ?? null;
  const requests = overviewRequests(filter);
  const headlineQuery = useMetricsReport(requests.headline, {
    request: initial.requests.headline,
    data: initial.headline,
  });
  const weeklyQuery = useMetricsSeries(requests.weekly, {
    request: initial.requests.weekly,
    data: initial.weekly,
  });
  const baselineQuery = useMetricsReport(requests.baseline, {
    request: initial.requests.baseline,
    data: initial.baseline,
  });
  const queries = [headlineQuery, weeklyQuery, baselineQuery];
  const report = headlineQuery.data;
  const trust = report?.rows[0];
  if (!report || !trust) {
    return (
      <QueryRegion queries={queries} label="the headline figures">
        <p className="mb-8">No figures for this period.</p>
      </QueryRegion>
    );
  }
  const weekly = wholeWeeksOnly(weeklyQuery.data?.series[0]?.points);
  const baseline = baselineQuery.data ?? null;
  const { from, to } = report.period;
  const target = report.parameters.fulfilmentTarget;
  const whose = division ? `${division.name} division` : 'Whole trust';
  const periodText = `${whose}, ${describePeriod({ from, to })}`;
  const spcNote = `SPC icons and trend: ${describeWeeks(weekly)}`;
  const series = (pick: (point: SeriesPointResponse) => number | null) =>
    weekly.map((point) => ({ from: point.from, value: pick(point) }));
  const values = (pick: (point: SeriesPointResponse) => number | null) => weekly.map(pick);
  const baselinePerWeek =
    baseline && isWhollyCovered(baseline) ? (baseline.rows[0]?.patientsPerWeek ?? null) : null;
  const change = baselineChange(trust.patientsPerWeek, baselinePerWeek);
  // With clinics and lists together, patients per clinic session and cases per list apart (never one mixed figure).
  const perSessionCategories = report.activity === 'all' ? categoriesHeld(trust) : [];

  return (
    <QueryRegion queries={queries} label="the headline figures">
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="headline-tiles">
        <MetricTile
          metricId="fulfilmentNet"
          label={getMetric('fulfilmentNet').label}
          value={formatMetricValue('ratio', trust.fulfilmentNet)}
          detail={
            <>
              Gross:{' '}
              <span data-testid="tile-fulfilmentGross">
                {formatMetricValue('ratio', trust.fulfilmentGross)}
              </span>{' '}
              · target {formatMetricValue('ratio', target)}
            </>
          }
          periodText={periodText}
          {...spcIconsOf(
            'fulfilmentNet',
            series((point) => point.fulfilmentNet),
            target,
          )}
          sparkline={values((point) => point.fulfilmentNet)}
          spcNote={spcNote}
        />
        {perSessionCategories.length > 1 ? (
          <PerCategoryMetricTile
            metricId="casesPerSession"
            label={getMetric('casesPerSession').label}
            figures={perSessionCategories.map((category) => {
              const perWeek = (point: SeriesPointResponse) =>
                point.perSessionByCategory[category]?.casesPerSession ?? null;
              return {
                category,
                label: PER_SESSION_LABELS[category],
                value: formatMetricValue(
                  'patientsPerSession',
                  trust.perSessionByCategory[category]?.casesPerSession ?? null,
                ),
                ...spcIconsOf('casesPerSession', series(perWeek)),
                sparkline: values(perWeek),
              };
            })}
            periodText={periodText}
            spcNote={spcNote}
          />
        ) : (
          <MetricTile
            metricId="casesPerSession"
            label={getMetric('casesPerSession').label}
            value={formatMetricValue('patientsPerSession', trust.casesPerSession)}
            detail={describePerSession(trust)}
            periodText={periodText}
            {...spcIconsOf(
              'casesPerSession',
              series((point) => point.casesPerSession),
            )}
            sparkline={values((point) => point.casesPerSession)}
            spcNote={spcNote}
          />
        )}
        <MetricTile
          metricId="lostSessions"
          label={getMetric('lostSessions').label}
          value={formatMetricValue('sessions', trust.lostSessions)}
          detail={`${formatMetricValue('sessions', trust.lost.hospitalCancelled)} cancelled by the hospital, ${formatMetricValue('sessions', trust.lost.notScheduled)} not scheduled`}
          periodText={periodText}
          {...spcIconsOf(
            'lostSessions',
            series((point) => point.lostSessions),
          )}
          sparkline={values((point) => point.lostSessions)}
          spcNote={spcNote}
        />
        <MetricTile
          metricId="additional"
          label={getMetric('additional').label}
          value={formatMetricValue('sessions', trust.additional)}
          detail={`Beside ${formatMetricValue('sessions', trust.delivered)} delivered of ${formatMetricValue('sessions', trust.expectedNet)} expected`}
          periodText={periodText}
          {...spcIconsOf(
            'additional',
            series((point) => point.additional),
          )}
          sparkline={values((point) => point.additional)}
          spcNote={spcNote}
        />
        <MetricTile
          metricId="opportunityTotal"
          label="Opportunity (patients a week)"
          value={formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.total)}
          detail={`Fulfilment ${formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.fulfilment)} + productivity ${formatMetricValue('patientsPerWeek', trust.opportunityPerWeek.productivity)}`}
          periodText={periodText}
          variation={null}
          assurance={null}
          sparkline={[]}
          spcNote="Opportunity is judged over the whole period (no weekly series)."
        />
        <MetricTile
          metricId="patientsPerWeek"
          label={getMetric('patientsPerWeek').label}
          value={formatMetricValue('patientsPerWeek', trust.patientsPerWeek)}
          detail={
            baselinePerWeek === null || baseline === null ? (
              `No baseline: the extracts do not cover all of ${describePeriod(requests.baseline)}.`
            ) : (
              <>
                Baseline {formatMetricValue('patientsPerWeek', baselinePerWeek)} (
                {describePeriod(baseline.period)}):{' '}
                <a href="/definitions#baselineChange">{formatChange(change)}</a>
              </>
            )
          }
          periodText={periodText}
          {...spcIconsOf(
            'patientsPerWeek',
            series((point) => point.patientsPerWeek),
          )}
          sparkline={values((point) => point.patientsPerWeek)}
          spcNote={spcNote}
        />
      </div>
    </QueryRegion>
  );
}
