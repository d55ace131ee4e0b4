import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAdminUser } from '../api-client';
import { adminKeys } from '../query-keys';

/** Creates a user, then refreshes the user list. */
export function useAdminCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAdminUser,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(adminKeys.user(user.id), user);
      return queryClient.invalidateQueries({ queryKey: adminKeys.userList() });
    },
  });
}
