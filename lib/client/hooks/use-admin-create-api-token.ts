import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAdminApiToken } from '../api-client';
import { adminKeys } from '../query-keys';

/** Creates an API token (its secret is in the result, shown once), then refreshes the list. */
export function useAdminCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAdminApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens() }),
  });
}
