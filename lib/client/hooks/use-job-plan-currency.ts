import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJobPlanCurrency } from '../metrics-api';
import {
  isSameRequest,
  type JobPlanCurrencyRequest,
  type JobPlanCurrencyResponse,
} from '../metrics-requests';
import { metricsKeys } from '../query-keys';

/** Job plan currency on the period's last day (`initial`: the server's first paint, for its request). */
export function useJobPlanCurrency(
  request: JobPlanCurrencyRequest,
  initial?: { request: JobPlanCurrencyRequest; data: JobPlanCurrencyResponse },
) {
  return useQuery({
    queryKey: metricsKeys.jobPlanCurrency(request),
    queryFn: ({ signal }) => fetchJobPlanCurrency(request, { signal }),
    initialData: initial && isSameRequest(initial.request, request) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
