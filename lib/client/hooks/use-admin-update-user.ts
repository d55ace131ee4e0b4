import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest } from '@/lib/shared/schemas/admin';
import { updateAdminUser } from '../api-client';
import { adminKeys } from '../query-keys';

/** Renames, deactivates or reactivates a user, then shows the saved user and refreshes the list. */
export function useAdminUpdateUser(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserRequest) => updateAdminUser(userId, input),
    onSuccess: (user) => {
      queryClient.setQueryData(adminKeys.user(userId), user);
      return queryClient.invalidateQueries({ queryKey: adminKeys.userList() });
    },
  });
}
