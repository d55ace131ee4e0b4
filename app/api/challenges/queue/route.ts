import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getChallengeQueue } from '@/lib/server/reviews/challenges';
import { challengeQueueQuerySchema } from '@/lib/shared/schemas/reviews';

/** The admins' queue: open challenges, oldest first (`status=accepted|explained` for the resolved ones). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'challenges:resolve');
  const { status } = parseQueryOrBadRequest(challengeQueueQuerySchema, request);
  return jsonResponse({ challenges: await getChallengeQueue(await getDatabase(), caller, status) });
});
