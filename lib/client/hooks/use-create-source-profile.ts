import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSourceProfile } from '../api-client';
import { sourceProfileKeys } from '../query-keys';

/** Saves a named column mapping, then refreshes the saved mappings. */
export function useCreateSourceProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSourceProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceProfileKeys.all }),
  });
}
