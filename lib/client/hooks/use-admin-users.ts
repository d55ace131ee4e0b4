import { useQuery } from '@tanstack/react-query';
import type { AdminUserListResponse } from '@/lib/shared/schemas/admin';
import { fetchAdminUsers } from '../api-client';
import { adminKeys } from '../query-keys';

/** The trust's users; `initialData` is the server-rendered first paint. */
export function useAdminUsers(initialData?: AdminUserListResponse) {
  return useQuery({
    queryKey: adminKeys.userList(),
    queryFn: ({ signal }) => fetchAdminUsers({ signal }),
    initialData,
  });
}
