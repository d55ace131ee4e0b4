import { useMutation, useQueryClient } from '@tanstack/react-query';
import { metricTargetsKey, removeAdminMetricTarget } from '../admin-metric-targets';

/** Removes a metric target, then refreshes the list. */
export function useAdminRemoveMetricTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAdminMetricTarget,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metricTargetsKey() }),
  });
}
