import { useQuery } from '@tanstack/react-query';
import { fetchSourceProfiles } from '../api-client';
import { sourceProfileKeys } from '../query-keys';

/** The saved column mappings of one import kind (nothing is fetched until a kind is chosen). */
export function useSourceProfiles(kind: string | null) {
  return useQuery({
    queryKey: sourceProfileKeys.list(kind ?? ''),
    queryFn: ({ signal }) => fetchSourceProfiles(kind ?? '', { signal }),
    enabled: kind !== null,
    select: (response) => response.profiles,
  });
}
