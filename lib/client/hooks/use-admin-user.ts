import { useQuery } from '@tanstack/react-query';
import type { AdminUser } from '@/lib/shared/schemas/admin';
import { fetchAdminUser } from '../api-client';
import { adminKeys } from '../query-keys';

/** One user with their live roles; `initialData` is the server-rendered first paint. */
export function useAdminUser(userId: number, initialData?: AdminUser) {
  return useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: ({ signal }) => fetchAdminUser(userId, { signal }),
    initialData,
  });
}
