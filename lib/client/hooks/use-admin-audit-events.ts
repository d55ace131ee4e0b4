import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEventListResponse, AuditEventQuery } from '@/lib/shared/schemas/admin';
import { fetchAdminAuditEvents } from '../api-client';
import { adminKeys } from '../query-keys';

/**
 * One page of the audit log for the filters in the URL. `initialData` (the server's first paint) is used only for
 * the query it was rendered for; while another page loads, the previous one stays on screen.
 */
export function useAdminAuditEvents(
  query: AuditEventQuery,
  initial?: { query: AuditEventQuery; data: AuditEventListResponse },
) {
  const isInitialQuery = initial !== undefined && JSON.stringify(initial.query) === JSON.stringify(query);
  return useQuery({
    queryKey: adminKeys.auditEventPage(query),
    queryFn: ({ signal }) => fetchAdminAuditEvents(query, { signal }),
    initialData: isInitialQuery ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
