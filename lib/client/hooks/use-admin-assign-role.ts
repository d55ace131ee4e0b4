import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignRoleRequest } from '@/lib/shared/schemas/admin';
import { assignAdminRole } from '../api-client';
import { adminKeys } from '../query-keys';

/** Gives a user a role, then refreshes the user and the list. */
export function useAdminAssignRole(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignRoleRequest) => assignAdminRole(userId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}
