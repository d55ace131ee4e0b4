import { useMutation } from '@tanstack/react-query';
import { postReviewWhatIf } from '../review-what-if';

/** Asks for the effect of a what-if (a calculation, so a mutation: each press of the button asks afresh). */
export function useReviewWhatIf() {
  return useMutation({
    mutationFn: (request: Parameters<typeof postReviewWhatIf>[0]) => postReviewWhatIf(request),
  });
}
