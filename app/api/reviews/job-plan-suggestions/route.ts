import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getJobPlanReviewSuggestions } from '@/lib/server/reviews/job-plan-suggestions';
import { todayInLondon } from '@/lib/shared/periods';
import { forReviewQuerySchema } from '@/lib/shared/schemas/reviews';

/** Job-plan lines delivered consistently differently from the plan: suggested reviews with their evidence. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'reviews:run');
  const query = parseQueryOrBadRequest(forReviewQuerySchema, request);
  const unit =
    query.specialtyId !== undefined
      ? ({ level: 'specialty', id: query.specialtyId } as const)
      : query.divisionId !== undefined
        ? ({ level: 'division', id: query.divisionId } as const)
        : undefined;
  const suggestions = await getJobPlanReviewSuggestions(await getDatabase(), caller.scope, {
    asOf: query.asOf ?? todayInLondon(),
    unit,
  });
  return jsonResponse({ suggestions });
});
