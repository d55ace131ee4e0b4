import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SeriesResponse } from '@/lib/shared/schemas/metrics';
import { fetchMetricsSeries } from '../metrics-api';
import { isSameRequest, type SeriesRequest } from '../metrics-requests';
import { metricsKeys } from '../query-keys';

/** A weekly or monthly series for the filters on screen (`initial`: the server's first paint, for its request). */
export function useMetricsSeries(
  request: SeriesRequest,
  initial?: { request: SeriesRequest; data: SeriesResponse },
) {
  return useQuery({
    queryKey: metricsKeys.series(request),
    queryFn: ({ signal }) => fetchMetricsSeries(request, { signal }),
    initialData: initial && isSameRequest(initial.request, request) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
