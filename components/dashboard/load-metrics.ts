import 'server-only';
import { cache } from 'react';
import { getPageDatabase } from '@/components/dashboard/page-database';
import type {
  JobPlanCurrencyRequest,
  JobPlanCurrencyResponse,
  ReportRequest,
  SeriesRequest,
  WorkloadBalanceRequest,
  WorkloadBalanceResponse,
} from '@/lib/client/metrics-requests';
import { summariseJobPlanCurrency } from '@/lib/client/metrics-requests';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { getSeries } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import type { SeriesResponse, UnitReportResponse } from '@/lib/shared/schemas/metrics';
import type { Scope } from '@/lib/shared/scope';

/*
 * The server's side of the dashboards' requests (the same objects the browser sends to /api/metrics/*), cached
 * per request (React cache, keyed by the request's JSON) so that widgets sharing a request read it once.
 */

const reportByKey = cache(async (scope: Scope, key: string): Promise<UnitReportResponse> => {
  const request = JSON.parse(key) as ReportRequest;
  return getUnitReport(await getPageDatabase(), scope, {
    level: request.level,
    period: { from: request.from, to: request.to },
    activity: request.activity,
    ...(request.within ? { within: request.within } : {}),
  });
});

const seriesByKey = cache(async (scope: Scope, key: string): Promise<SeriesResponse> => {
  const request = JSON.parse(key) as SeriesRequest;
  const series = await getSeries(await getPageDatabase(), scope, {
    level: request.level,
    bucket: request.bucket,
    period: { from: request.from, to: request.to },
    activity: request.activity,
    ...(request.unit ? { unit: request.unit } : {}),
  });
  return { series };
});

const currencyByKey = cache(async (scope: Scope, key: string): Promise<JobPlanCurrencyResponse> => {
  const request = JSON.parse(key) as JobPlanCurrencyRequest;
  return summariseJobPlanCurrency(await getJobPlanCurrency(await getPageDatabase(), scope, request));
});

/** GET /api/metrics/report's answer, on the server. */
export function loadReport(scope: Scope, request: ReportRequest): Promise<UnitReportResponse> {
  return reportByKey(scope, JSON.stringify(request));
}

/** GET /api/metrics/series's answer, on the server. */
export function loadSeries(scope: Scope, request: SeriesRequest): Promise<SeriesResponse> {
  return seriesByKey(scope, JSON.stringify(request));
}

/** GET /api/metrics/job-plan-currency's answer, on the server. */
export function loadJobPlanCurrency(
  scope: Scope,
  request: JobPlanCurrencyRequest,
): Promise<JobPlanCurrencyResponse> {
  return currencyByKey(scope, JSON.stringify(request));
}

const workloadByKey = cache(async (scope: Scope, key: string): Promise<WorkloadBalanceResponse> => {
  const request = JSON.parse(key) as WorkloadBalanceRequest;
  return getWorkloadBalance(await getPageDatabase(), scope, {
    period: { from: request.from, to: request.to },
    activity: request.activity,
    ...(request.within ? { within: request.within } : {}),
  });
});

/** GET /api/metrics/workload-balance's answer, on the server. */
export function loadWorkloadBalance(
  scope: Scope,
  request: WorkloadBalanceRequest,
): Promise<WorkloadBalanceResponse> {
  return workloadByKey(scope, JSON.stringify(request));
}
