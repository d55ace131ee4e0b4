import type { DashboardFilter } from '@/components/filters/dashboard-filter';
import type {
  JobPlanCurrencyRequest,
  ReportRequest,
  SeriesRequest,
  WithinLevel,
} from '@/lib/client/metrics-requests';
import { trendWindow, yearEarlier } from '@/lib/shared/periods';

export interface OverviewRequests {
  /** The trust (or the division chosen): headline figures. */
  headline: ReportRequest;
  /** The same, a year earlier (the baseline). */
  baseline: ReportRequest;
  specialties: ReportRequest;
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
  const earlier = yearEarlier({ from, to });
  const weeks = trendWindow(filter.period);
  return {
    headline,
    baseline: { ...headline, from: earlier.from, to: earlier.to },
    specialties: division
      ? { level: 'specialty', from, to, activity, within: division }
      : { level: 'specialty', from, to, activity },
    weekly: division
      ? { level: 'division', bucket: 'week', from: weeks.from, to: weeks.to, activity, unit: division }
      : { level: 'trust', bucket: 'week', from: weeks.from, to: weeks.to, activity },
    currency: division ? { asOf: to, within: division } : { asOf: to },
  };
}
