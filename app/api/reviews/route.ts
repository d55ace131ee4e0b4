import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { listMeetings } from '@/lib/server/reviews/list-meetings';
import { listMeetingsQuerySchema } from '@/lib/shared/schemas/reviews';

/** The review meetings the caller may open (of units whose consultants they see), latest first. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(listMeetingsQuerySchema, request);
  return jsonResponse({ meetings: await listMeetings(await getDatabase(), caller.scope, query) });
});
