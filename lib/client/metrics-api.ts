import {
  type SeriesResponse,
  seriesResponseSchema,
  type UnitReportResponse,
  unitReportSchema,
} from '@/lib/shared/schemas/metrics';
import { getJson, type RequestOptions } from './http';
import {
  type JobPlanCurrencyRequest,
  type JobPlanCurrencyResponse,
  jobPlanCurrencyResponseSchema,
  jobPlanCurrencySearchParams,
  type ReportRequest,
  reportSearchParams,
  type SeriesRequest,
  seriesSearchParams,
  type WorkloadBalanceRequest,
  type WorkloadBalanceResponse,
  workloadBalanceResponseSchema,
  workloadBalanceSearchParams,
} from './metrics-requests';

/* The metrics API (/api/metrics/*): what the dashboards refetch when a filter changes. */

/** GET /api/metrics/report: every unit at one level over the period, optionally within one unit. */
export function fetchMetricsReport(
  request: ReportRequest,
  options: RequestOptions = {},
): Promise<UnitReportResponse> {
  return getJson(`/api/metrics/report?${reportSearchParams(request)}`, unitReportSchema, options);
}

/** GET /api/metrics/series: weekly or monthly series per unit at one level. */
export function fetchMetricsSeries(
  request: SeriesRequest,
  options: RequestOptions = {},
): Promise<SeriesResponse> {
  return getJson(`/api/metrics/series?${seriesSearchParams(request)}`, seriesResponseSchema, options);
}

/** GET /api/metrics/job-plan-currency: job plan currency on a date, optionally within one unit. */
export function fetchJobPlanCurrency(
  request: JobPlanCurrencyRequest,
  options: RequestOptions = {},
): Promise<JobPlanCurrencyResponse> {
  return getJson(
    `/api/metrics/job-plan-currency?${jobPlanCurrencySearchParams(request)}`,
    jobPlanCurrencyResponseSchema,
    options,
  );
}

/** GET /api/metrics/workload-balance: sustained over- and under-delivery flags of the consultants. */
export function fetchWorkloadBalance(
  request: WorkloadBalanceRequest,
  options: RequestOptions = {},
): Promise<WorkloadBalanceResponse> {
  return getJson(
    `/api/metrics/workload-balance?${workloadBalanceSearchParams(request)}`,
    workloadBalanceResponseSchema,
    options,
  );
}
