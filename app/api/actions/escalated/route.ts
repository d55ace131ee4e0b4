import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getEscalatedActions } from '@/lib/server/reviews/escalated-actions';
import { escalatedActionsQuerySchema } from '@/lib/shared/schemas/reviews';

/** Actions overdue by more than the trust's escalation days, among those the caller may see, with whom they reach. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'reviews:run');
  const { asOf } = parseQueryOrBadRequest(escalatedActionsQuerySchema, request);
  return jsonResponse({ actions: await getEscalatedActions(await getDatabase(), caller, asOf) });
});
