import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchWorkloadBalance } from '../metrics-api';
import {
  isSameRequest,
  type WorkloadBalanceRequest,
  type WorkloadBalanceResponse,
} from '../metrics-requests';
import { metricsKeys } from '../query-keys';

/** Workload-balance flags for the filters on screen (`initial`: the server's first paint, for its request). */
export function useWorkloadBalance(
  request: WorkloadBalanceRequest,
  initial?: { request: WorkloadBalanceRequest; data: WorkloadBalanceResponse },
) {
  return useQuery({
    queryKey: metricsKeys.workloadBalance(request),
    queryFn: ({ signal }) => fetchWorkloadBalance(request, { signal }),
    initialData: initial && isSameRequest(initial.request, request) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
