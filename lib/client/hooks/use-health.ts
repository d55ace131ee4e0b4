import { useQuery } from '@tanstack/react-query';
import { fetchHealth } from '../health-api';
import { healthKeys } from '../query-keys';

/** The server's health report, re-checked every minute while the page is open. */
export function useHealth() {
  return useQuery({
    queryKey: healthKeys.status(),
    queryFn: ({ signal }) => fetchHealth({ signal }),
    refetchInterval: 60_000,
    // A status line should settle quickly: one retry, then show the failure.
    retry: 1,
  });
}
