import type { DashboardFilter } from '@/components/filters/dashboard-filter';
import type {
  JobPlanCurrencyRequest,
  ReportRequest,
  SeriesRequest,
  WithinLevel,
} from '@/lib/client/metrics-requests';
import { trendWindow, yearsEarlier } from '@/lib/shared/periods';

export interface OverviewRequests {
  /** The trust (or the division chosen): headline figures. */
  headline: ReportRequest;
  /** The same, over the baseline: the same period a year (or the years chosen) earlier. */
  baseline: ReportRequest;
  specialties: ReportRequest;
  /** The specialties over the baseline, for their patients a week against it. */
  specialtiesBaseline: ReportRequest;
  weekly: SeriesRequest;
  currency: JobPlanCurrencyRequest;
}

/**
 * What the overview asks the metrics engine for, for one set of filters: built the same way on the server (first
 * paint) and in the browser (after a filter changes), so that the server's answers seed the client's cache.
 */
export function overviewRequests(filter: DashboardFilter): OverviewRequests {
  const { from, to } = filter.period;
  const { activity } = filter;
  const division =
    filter.divisionId === null ? null : { level: 'division' as WithinLevel, id: filter.divisionId };
  const headline: ReportRequest = division
    ? { level: 'division', from, to, activity, within: division }
    : { level: 'trust', from, to, activity };
  const earlier = yearsEarlier({ from, to }, filter.baselineYears);
  const weeks = trendWindow(filter.period);
  const specialties: ReportRequest = division
    ? { level: 'specialty', from, to, activity, within: division }
    : { level: 'specialty', from, to, activity };
  return {
    headline,
    baseline: { ...headline, from: earlier.from, to: earlier.to },
    specialties,
    specialtiesBaseline: { ...specialties, from: earlier.from, to: earlier.to },
    weekly: division
      ? { level: 'division', bucket: 'week', from: weeks.from, to: weeks.to, activity, unit: division }
      : { level: 'trust', bucket: 'week', from: weeks.from, to: weeks.to, activity },
    currency: division ? { asOf: to, within: division } : { asOf: to },
  };
}
