import { useMutation, useQueryClient } from '@tanstack/react-query';
import { metricTargetsKey, setAdminMetricTarget } from '../admin-metric-targets';

/** Sets a metric target, then refreshes the list. */
export function useAdminSetMetricTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAdminMetricTarget,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metricTargetsKey() }),
  });
}
