import { useQuery } from '@tanstack/react-query';
import type { ImportHistoryResponse } from '@/lib/shared/schemas/imports';
import { fetchImportHistory } from '../api-client';
import { importKeys } from '../query-keys';

/** Recent imports and data freshness; `initialData` is the server-rendered first paint. */
export function useImportHistory(initialData?: ImportHistoryResponse) {
  return useQuery({
    queryKey: importKeys.history(),
    queryFn: ({ signal }) => fetchImportHistory({ signal }),
    initialData,
  });
}
