import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeAdminApiToken } from '../api-client';
import { adminKeys } from '../query-keys';

/** Revokes an API token, then refreshes the list. */
export function useAdminRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeAdminApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiTokens() }),
  });
}
