import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnitReportResponse } from '@/lib/shared/schemas/metrics';
import { fetchMetricsReport } from '../metrics-api';
import { isSameRequest, type ReportRequest } from '../metrics-requests';
import { metricsKeys } from '../query-keys';

/**
 * A metrics report for the filters on screen. `initial` (the server's first paint) answers only the request it
 * was rendered for; while another filter's report loads, the previous one stays on screen (placeholder).
 */
export function useMetricsReport(
  request: ReportRequest,
  initial?: { request: ReportRequest; data: UnitReportResponse },
) {
  return useQuery({
    queryKey: metricsKeys.report(request),
    queryFn: ({ signal }) => fetchMetricsReport(request, { signal }),
    initialData: initial && isSameRequest(initial.request, request) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
