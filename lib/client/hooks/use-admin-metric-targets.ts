import { useQuery } from '@tanstack/react-query';
import type { MetricTargetListResponse } from '@/lib/shared/schemas/admin';
import { fetchAdminMetricTargets, metricTargetsKey } from '../admin-metric-targets';

/** The trust's metric targets; `initialData` is the server-rendered first paint. */
export function useAdminMetricTargets(initialData?: MetricTargetListResponse) {
  return useQuery({
    queryKey: metricTargetsKey(),
    queryFn: ({ signal }) => fetchAdminMetricTargets({ signal }),
    initialData,
  });
}
