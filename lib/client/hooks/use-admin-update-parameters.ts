import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateAdminParameters } from '../api-client';
import { adminKeys } from '../query-keys';

/** Saves the trust parameters; the saved values replace the cached ones. */
export function useAdminUpdateParameters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAdminParameters,
    onSuccess: ({ parameters }) => {
      queryClient.setQueryData(adminKeys.parameters(), parameters);
      // Parameter changes are audited: the log is out of date too.
      return queryClient.invalidateQueries({ queryKey: adminKeys.auditEvents() });
    },
  });
}
