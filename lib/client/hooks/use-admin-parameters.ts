import { useQuery } from '@tanstack/react-query';
import type { TrustParametersResponse } from '@/lib/shared/schemas/admin';
import { fetchAdminParameters } from '../api-client';
import { adminKeys } from '../query-keys';

/** The trust parameters in force; `initialData` is the server-rendered first paint. */
export function useAdminParameters(initialData?: TrustParametersResponse) {
  return useQuery({
    queryKey: adminKeys.parameters(),
    queryFn: ({ signal }) => fetchAdminParameters({ signal }),
    initialData,
  });
}
