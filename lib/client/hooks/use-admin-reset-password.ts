import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordRequest } from '@/lib/shared/schemas/admin';
import { resetAdminUserPassword } from '../api-client';
import { adminKeys } from '../query-keys';

/** Sets or generates a user's new password (a generated one is in the result, shown once). */
export function useAdminResetPassword(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetPasswordRequest) => resetAdminUserPassword(userId, input),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(adminKeys.user(userId), user);
      return queryClient.invalidateQueries({ queryKey: adminKeys.userList() });
    },
  });
}
