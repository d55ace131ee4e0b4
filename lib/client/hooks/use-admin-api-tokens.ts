import { useQuery } from '@tanstack/react-query';
import type { ApiTokenListResponse } from '@/lib/shared/schemas/admin';
import { fetchAdminApiTokens } from '../api-client';
import { adminKeys } from '../query-keys';

/** The trust's API tokens; `initialData` is the server-rendered first paint. */
export function useAdminApiTokens(initialData?: ApiTokenListResponse) {
  return useQuery({
    queryKey: adminKeys.apiTokens(),
    queryFn: ({ signal }) => fetchAdminApiTokens({ signal }),
    initialData,
  });
}
