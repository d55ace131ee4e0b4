import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeAdminRole } from '../api-client';
import { adminKeys } from '../query-keys';

/** Revokes one of a user's role assignments, then refreshes the user and the list. */
export function useAdminRevokeRole(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: number) => revokeAdminRole(userId, assignmentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}
